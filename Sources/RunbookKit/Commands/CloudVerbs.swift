/// Cloud CLIs (`gcloud`, `aws`, `az`, `doctl`, `openstack`, `ocm`, `rosa`) put a verb after
/// a path of nouns: `gcloud container node-pools list`, `aws ec2 describe-instances`,
/// `az vm show`. The first argument that is a known verb decides the risk.
enum CloudVerbs {
    static let programs = "aws gcloud az doctl openstack ocm rosa bq gsutil"

    enum Kind { case read, change, destroy }

    /// Flags that size a group (`--num-nodes`, `--desired-capacity`, `--new-capacity`, `--size`,
    /// ECS's `--desired-count`).
    static let sizeFlags: Set<String> = [
        "--num-nodes", "--desired-capacity", "--max-size", "--new-capacity", "--size", "--node-count", "--count",
        "--desired-count"
    ]

    /// A resize, scale or capacity change to 0: `gcloud container clusters resize x --num-nodes 0`,
    /// `aws autoscaling set-desired-capacity … --desired-capacity 0`, `az vmss scale … --new-capacity 0`.
    static func scalesToZero(_ inv: ShellInvocation) -> Bool {
        let args = inv.lowerArgs
        for (index, arg) in args.enumerated() {
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            guard let name = parts.first, sizeFlags.contains(name) else { continue }
            let value = parts.count == 2 ? parts[1] : (index + 1 < args.count ? args[index + 1] : "")
            if value == "0" { return true }
        }
        return false
    }

    static let readVerbs: Set<String> = [
        "list", "ls", "describe", "show", "get", "info", "status", "version", "head", "cat", "tail", "logs", "read",
        "wait", "whoami", "get-value", "print-access-token", "print-identity-token", "get-iam-policy", "query",
        "get-server-config", "search", "browse", "check"
    ]
    static let readPrefixes = ["describe-", "list-", "get-", "show-", "batch-get-", "lookup-", "search-"]
    static let destroyVerbs: Set<String> = [
        "delete", "terminate", "remove", "rm", "rb", "destroy", "purge", "wipe", "drop", "reimage", "generalize"
    ]
    static let destroyPrefixes = [
        "delete-", "terminate-", "remove-", "deregister-", "purge-", "destroy-", "schedule-key-deletion"
    ]
    static let changeVerbs: Set<String> = [
        "create", "update", "upgrade", "set", "put", "start", "stop", "restart", "reset", "resize", "reboot", "import",
        "export", "deploy", "apply", "attach", "detach", "add", "patch", "enable", "disable", "invoke", "publish",
        "send",
        "run", "ssh", "scp", "cp", "mv", "sync", "snapshot", "copy", "restore", "failover", "promote", "rollback",
        "scale",
        "edit", "login", "logout", "init", "install", "uninstall", "tag", "untag", "move", "mb", "rsync", "submit",
        "cancel",
        "rotate", "renew", "revoke", "grant", "modify", "register", "associate", "disassociate", "authorize", "clone",
        "migrate", "resume", "suspend", "pause", "deallocate", "redeploy", "swap", "recreate", "rebuild", "failback"
    ]
    static let changePrefixes = [
        "create-", "update-", "put-", "modify-", "start-", "stop-", "reboot-", "set-", "add-",
        "attach-", "detach-", "associate-", "run-", "restore-", "reset-", "enable-", "disable-", "change-",
        "replace-", "import-", "upload-", "invoke-", "publish-", "send-", "execute-", "apply-"
    ]

    /// The verb that decides, and what it does; nil when none is known.
    static func verb(_ inv: ShellInvocation) -> (word: String, kind: Kind)? {
        var words = inv.lowerArgs.prefix(12).filter { !$0.hasPrefix("-") && !$0.hasPrefix("<") && !$0.hasPrefix("$") }
        // `aws logs delete-log-group`: aws's first word is always its service, never a verb.
        if inv.program == "aws", !words.isEmpty { words.removeFirst() }
        // `gcloud run services delete api`: a plain destroy verb decides even after a change verb
        // used as a noun ("run", "deploy").
        if let destroy = words.first(where: { destroyVerbs.contains($0) }) { return (destroy, .destroy) }
        for (index, arg) in words.enumerated() {
            // "logs" before a verb is a noun (`gcloud logging logs delete`, `gcloud app logs tail`).
            if arg == "logs", index + 1 < words.count, kind(of: words[index + 1]) != nil { continue }
            if let kind = kind(of: arg) { return (arg, kind) }
        }
        return nil
    }

    static func kind(of arg: String) -> Kind? {
        if destroyVerbs.contains(arg) || destroyPrefixes.contains(where: { arg.hasPrefix($0) }) { return .destroy }
        if readVerbs.contains(arg) || readPrefixes.contains(where: { arg.hasPrefix($0) }) { return .read }
        if changeVerbs.contains(arg) || changePrefixes.contains(where: { arg.hasPrefix($0) }) { return .change }
        return nil
    }
}
