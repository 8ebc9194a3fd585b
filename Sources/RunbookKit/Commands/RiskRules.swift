/// Decides whether a command reads, changes or destroys, and says which rule decided.
///
/// Shell text is tokenized once (`ShellParser`), wrappers are looked through (`ShellInvocations`),
/// and each simple command is matched against `RiskRule.table` on its program, subcommand
/// words and flags. The worst verdict of all simple commands wins.
public enum RiskRules {
    public static func classify(_ code: String, language: String) -> (risk: Risk, reason: String) {
        let verdict = verdict(code, language: language)
        return (verdict.risk, verdict.reason)
    }

    /// The deciding verdict, with the word that decided it when one did (`FLUSHDB`, `delete`).
    static func verdict(_ code: String, language: String) -> RiskVerdict {
        let verdict: RiskVerdict
        switch language.lowercased() {
        case "sql":
            verdict = SQLRisk.classify(code) ?? .nothing
        case "promql":
            verdict = RiskVerdict(risk: .read, reason: "read: PromQL queries only read")
        case "python":
            verdict = PythonRisk.classify(code)
        case "manual":
            verdict = RiskVerdict(risk: .change, reason: "change: manual steps are done by hand and may change state")
        case "redis":
            verdict = ShellRisk.classify("redis-cli " + code, depth: 0) ?? .nothing
        default:
            verdict = ShellRisk.classify(code, depth: 0) ?? .nothing
        }
        return verdict
    }
}

struct RiskVerdict: Sendable, Equatable {
    var risk: Risk
    var reason: String
    /// The word of the command that decided the risk, as the rule saw it (`flushdb`, `delete`,
    /// `rm`, `DROP`); nil when no single word did. Destructive runs ask for it to be typed.
    var word: String? = nil

    static let unknown = RiskVerdict(
        risk: .unknown, reason: "unknown: no rule knows this command; asked for like a change")
    static let nothing = RiskVerdict(risk: .read, reason: "read: nothing to run")

    /// Keeps the worse of two verdicts (the first on a tie).
    static func worst(_ a: RiskVerdict?, _ b: RiskVerdict?) -> RiskVerdict? {
        guard let a else { return b }
        guard let b else { return a }
        return b.risk > a.risk ? b : a
    }
}

/// One line of the rule table: which programs, which leading subcommand words, which flags or
/// words anywhere. Empty criteria match anything.
///
/// A class of arrays: the table is built at the first command a process reads (the console's
/// first frame waits for it), and a few hundred small arrays cost far less to build than sets;
/// a program has only a handful of rules to test.
final class RiskRule: Sendable {
    let risk: Risk
    /// Short name shown in the reason ("redis FLUSHDB").
    let name: String
    /// What it does, in a few words ("deletes every key in the database").
    let why: String
    let programs: [String]
    /// Leading positional words, each a list of alternatives: "rollout restart|undo".
    let path: [[String]]
    /// Matches when any of these flags is present (`--delete`, `-f`).
    let flags: [String]
    /// Matches when any positional word is one of these.
    let words: [String]
    /// Extra test for what the columns above cannot say.
    let test: (@Sendable (ShellInvocation) -> Bool)?
    /// Built once: every command this rule judges shares the one string.
    let reason: String

    init(
        _ risk: Risk, _ name: String, _ why: String, programs: String, path: String = "", flags: String = "",
        words: String = "", test: (@Sendable (ShellInvocation) -> Bool)? = nil
    ) {
        self.risk = risk
        self.name = name
        self.why = why
        self.programs = programs.asciiWords()
        self.path = path.asciiWords().map { $0.asciiWords(separatedBy: "|") }
        self.flags = flags.asciiWords()
        self.words = words.asciiWords()
        self.test = test
        self.reason = "\(risk.rawValue): \(name) \(why)"
    }

    /// The word that made this rule match: its last subcommand word, a long flag it names, one
    /// of its words, else the program itself.
    func word(_ inv: ShellInvocation, positionals: [String], flagSet: Set<String>) -> String {
        if !path.isEmpty, positionals.count >= path.count { return positionals[path.count - 1] }
        if let flag = flags.filter({ $0.count > 2 && flagSet.contains($0) }).sorted().first {
            return String(flag.drop { $0 == "-" })
        }
        if !words.isEmpty, let word = positionals.first(where: { words.contains($0) }) { return word }
        return inv.program
    }

    func matches(_ inv: ShellInvocation, positionals: [String], flagSet: Set<String>) -> Bool {
        if positionals.count < path.count { return false }
        for (index, options) in path.enumerated() where !options.contains(positionals[index]) { return false }
        if !flags.isEmpty && !flags.contains(where: flagSet.contains) { return false }
        if !words.isEmpty && !positionals.contains(where: { words.contains($0) }) { return false }
        if let test, !test(inv) { return false }
        return true
    }
}

extension RiskRule {
    /// The rule table. Add a line to teach a new command; the worst matching line wins.
    static let table: [RiskRule] =
        coreRules + gitRules + inspectionWrites + hostRules + storageRules + schedulerRules + infrastructureRules
        + dataStoreRules + platformRules

    /// Commands of the cloud, containers, files, services, network, git and the shell itself.
    static let coreRules: [RiskRule] = [
        // Kubernetes
        RiskRule(
            .destructive, "kubectl delete", "removes Kubernetes resources", programs: "kubectl oc", path: "delete"),
        RiskRule(
            .destructive, "kubectl drain --delete-emptydir-data", "evicts pods and deletes their emptyDir data",
            programs: "kubectl oc", path: "drain",
            flags: "--delete-emptydir-data --delete-local-data --force --disable-eviction"),
        RiskRule(
            .change, "kubectl drain", "evicts pods from a node", programs: "kubectl oc",
            path: "drain|cordon|uncordon|taint"),
        RiskRule(
            .change, "kubectl scale", "changes the number of replicas", programs: "kubectl oc",
            path: "scale|autoscale"),
        // To zero it is an outage of its own, whatever the reason: typed, like a delete.
        RiskRule(
            .destructive, "kubectl scale to zero", "stops every replica of the workload", programs: "kubectl oc",
            path: "scale",
            test: { inv in
                // `--replicas 0`, `--replicas=00`, `+0`: any spelling of zero.
                zip(inv.lowerArgs, inv.lowerArgs.dropFirst()).contains { $0 == "--replicas" && isZero($1) }
                    || inv.lowerArgs.contains { $0.hasPrefix("--replicas=") && isZero(String($0.dropFirst(11))) }
            }),
        // Which cluster and user the next commands act on: a wrong context aims them elsewhere.
        RiskRule(
            .change, "kubectl config write", "changes the kubeconfig (the context the next commands use)",
            programs: "kubectl oc",
            path: "config use-context|use|set-context|set-cluster|set-credentials|set|unset|delete-context|"
                + "delete-cluster|delete-user|rename-context"),
        RiskRule(
            .change, "kubectl rollout", "restarts or reverts a deployment", programs: "kubectl oc",
            path: "rollout restart|undo|pause|resume"),
        RiskRule(
            .change, "kubectl write", "changes cluster objects", programs: "kubectl oc",
            path: "apply|patch|edit|create|replace|set|annotate|label|expose|run|cp|certificate"),
        RiskRule(
            .read, "kubectl read", "only reads cluster state", programs: "kubectl oc",
            path:
                "get|describe|logs|top|explain|version|cluster-info|api-resources|api-versions|config|auth|events|"
                + "diff|wait|port-forward|whoami"
        ),
        RiskRule(
            .read, "kubectl rollout status", "only reads rollout progress", programs: "kubectl oc",
            path: "rollout status|history"),
        // Docker and Compose ("docker compose" is normalized to "docker-compose")
        RiskRule(
            .destructive, "docker-compose down", "stops and removes the containers", programs: "docker-compose",
            path: "down|rm|kill"),
        RiskRule(
            .change, "docker-compose lifecycle", "starts, stops or replaces containers", programs: "docker-compose",
            path: "up|restart|stop|start|pull|build|create|scale|run|pause|unpause|push"),
        RiskRule(
            .read, "docker-compose read", "only reads container state", programs: "docker-compose",
            path: "ps|logs|top|config|images|port|version|events|ls"),
        RiskRule(
            .destructive, "docker rm", "removes containers or images", programs: "docker podman", path: "rm|rmi|kill"),
        RiskRule(
            .destructive, "docker prune", "removes containers, images or volumes",
            programs: "docker podman", path: "system|volume|image|container|network|builder prune|rm"),
        RiskRule(
            .change, "docker lifecycle", "starts, stops or changes containers", programs: "docker podman",
            path: "run|start|stop|restart|pull|push|build|tag|update|pause|unpause|create|cp|load|login"),
        RiskRule(
            .read, "docker read", "only reads container state", programs: "docker podman",
            path: "ps|stats|logs|inspect|images|info|version|top|events|port|diff|history|search"),
        // Redis (the first positional is the Redis command)
        RiskRule(
            .destructive, "redis FLUSHDB", "deletes every key in the database", programs: "redis-cli",
            path: "flushdb|flushall"),
        RiskRule(.destructive, "redis DEL", "deletes keys", programs: "redis-cli", path: "del|unlink|getdel|swapdb"),
        RiskRule(
            .destructive, "redis CLUSTER RESET", "drops the node's slots and their keys", programs: "redis-cli",
            path: "cluster reset|flushslots|delslots|forget"),
        RiskRule(
            .change, "redis CONFIG SET", "changes the server configuration", programs: "redis-cli",
            path: "config set|rewrite|resetstat"),
        RiskRule(
            .change, "redis write", "changes keys or server state", programs: "redis-cli",
            path:
                "set|setex|mset|hset|hmset|hdel|lpush|rpush|lpop|rpop|ltrim|lrem|sadd|srem|spop|zadd|zrem|incr|decr|"
                + "incrby|expire|persist|rename|xadd|xdel|xtrim|publish|shutdown|save|bgsave|bgrewriteaof|"
                + "slaveof|replicaof|failover|debug|script"
        ),
        RiskRule(
            .change, "redis admin", "resets logs, frees memory or acts on clients", programs: "redis-cli",
            path: "slowlog|memory|client reset|purge|kill|pause|unpause|setname|no-evict|reply"),
        RiskRule(
            .read, "redis read", "only reads", programs: "redis-cli",
            path:
                "info|ping|get|mget|llen|lrange|keys|scan|sscan|hscan|zscan|ttl|pttl|type|exists|hget|hgetall|hlen|"
                + "hkeys|smembers|scard|zcard|zrange|zscore|strlen|dbsize|monitor|latency|time|lastsave|role|"
                + "cluster|xlen|xinfo|object|pubsub|randomkey|subscribe|psubscribe|echo|command"
        ),
        RiskRule(.read, "redis CONFIG GET", "only reads", programs: "redis-cli", path: "config get"),
        RiskRule(.read, "redis client list", "only reads", programs: "redis-cli", path: "client list|info|getname"),
        RiskRule(.read, "redis slowlog", "only reads", programs: "redis-cli", path: "slowlog get|len"),
        RiskRule(.read, "redis memory", "only reads", programs: "redis-cli", path: "memory usage|stats|doctor"),
        RiskRule(
            .read, "redis-cli scan", "only reads", programs: "redis-cli",
            flags: "--scan --bigkeys --memkeys --stat --latency --latency-history --hotkeys --intrinsic-latency"),
        RiskRule(
            .read, "redis-cli", "opens a client", programs: "redis-cli",
            test: { inv in
                inv.positionals(valueFlags: ShellInvocations.valueFlags(for: "redis-cli")).isEmpty
            }),
        // Celery
        RiskRule(.destructive, "celery purge", "deletes every queued task", programs: "celery", path: "purge"),
        RiskRule(
            .read, "celery inspect", "only reads worker state", programs: "celery",
            path: "inspect|status|report|events|result|list"),
        RiskRule(
            .change, "celery control", "changes workers", programs: "celery",
            path: "control|worker|beat|call|multi|migrate|upgrade"),
        // Postgres tools
        RiskRule(.destructive, "dropdb", "deletes a database", programs: "dropdb dropuser"),
        RiskRule(.change, "createdb", "creates a database", programs: "createdb createuser"),
        RiskRule(
            .destructive, "pg_restore --clean", "drops objects before restoring over them", programs: "pg_restore",
            flags: "--clean -c"),
        RiskRule(.change, "pg_restore", "loads a dump into a database", programs: "pg_restore"),
        RiskRule(
            .destructive, "pgbackrest restore", "restores over the database cluster", programs: "pgbackrest",
            path: "restore"),
        RiskRule(
            .change, "pgbackrest", "writes backups", programs: "pgbackrest",
            path: "backup|expire|stanza-create|start|stop"),
        RiskRule(.read, "pgbackrest info", "only reads", programs: "pgbackrest", path: "info|check|verify"),
        RiskRule(.read, "pg_dump", "only reads the database", programs: "pg_dump pg_dumpall"),
        RiskRule(.read, "pg_isready", "only checks the server", programs: "pg_isready pg_controldata pg_lsclusters"),
        RiskRule(
            .change, "pg_ctl", "starts or stops the server", programs: "pg_ctl pg_ctlcluster",
            path: "start|stop|restart|reload|promote"),
        // Files and disks
        RiskRule(.destructive, "rm", "deletes files", programs: "rm shred unlink srm"),
        RiskRule(.destructive, "find -delete", "deletes the files it finds", programs: "find", flags: "-delete"),
        // `find … -exec rm {} +`: the command -exec runs is judged as itself (`ShellInvocations`).
        RiskRule(
            .change, "find -fprint", "writes the list to a file", programs: "find",
            flags: "-fprint -fprintf -fls -fprint0"),
        RiskRule(.read, "find", "only lists files", programs: "find"),
        RiskRule(
            .destructive, "blkdiscard", "discards every block of a device", programs: "blkdiscard mdadm",
            test: { inv in inv.program == "blkdiscard" || inv.lowerArgs.contains("--zero-superblock") }),
        RiskRule(
            .destructive, "mkfs", "formats a disk",
            programs: "mkfs mkfs.ext4 mkfs.xfs mkfs.ext3 mkfs.btrfs mkswap wipefs fdisk parted sgdisk"),
        RiskRule(
            .destructive, "dd of=", "overwrites the output device or file", programs: "dd",
            test: { inv in
                inv.lowerArgs.contains { $0.hasPrefix("of=") }
            }),
        RiskRule(.destructive, "truncate", "cuts files short", programs: "truncate"),
        RiskRule(
            .destructive, "rsync --delete", "deletes files missing from the source", programs: "rsync",
            flags: "--delete --delete-after --delete-before --delete-during --delete-excluded"),
        RiskRule(.change, "rsync", "copies files", programs: "rsync"),
        RiskRule(.change, "sed -i", "edits files in place", programs: "sed", flags: "-i --in-place"),
        RiskRule(
            .change, "file write", "writes or moves files",
            programs:
                "cp mv ln mkdir rmdir touch chmod chown chgrp tee install gunzip gzip bunzip2 unzip zip tar xz unxz "
                + "logrotate patch"
        ),
        // Services and packages
        RiskRule(
            .change, "systemctl", "starts, stops or reconfigures a service", programs: "systemctl",
            path:
                "start|stop|restart|reload|try-restart|reload-or-restart|enable|disable|mask|unmask|kill|"
                + "daemon-reload|isolate|reboot|poweroff"
        ),
        RiskRule(
            .read, "systemctl status", "only reads", programs: "systemctl",
            path:
                "status|is-active|is-enabled|is-failed|list-units|list-unit-files|show|cat|list-timers|"
                + "list-dependencies"
        ),
        RiskRule(
            .change, "service", "starts, stops or reconfigures a service", programs: "service",
            test: { inv in
                !inv.lowerArgs.contains("status")
            }),
        RiskRule(.read, "service status", "only reads", programs: "service", words: "status"),
        RiskRule(
            .change, "package manager", "installs or upgrades software",
            programs: "apt apt-get yum dnf apk brew pip pip3 snap zypper",
            path: "install|upgrade|update|dist-upgrade|full-upgrade|remove|autoremove|uninstall|reinstall|add|del"),
        RiskRule(
            .read, "package list", "only reads",
            programs: "apt apt-get yum dnf apk brew pip pip3 snap apt-cache dpkg rpm",
            path: "list|search|show|info|policy|freeze|check|-l|-q"),
        RiskRule(.change, "process signal", "stops or signals processes", programs: "kill pkill killall"),
        RiskRule(
            .destructive, "kill -1", "signals every process the user may signal", programs: "kill",
            test: { inv in
                inv.args.contains("-1") && inv.args.last == "-1"
                    || inv.args.contains { $0 == "--" } && inv.args.last == "-1"
            }),
        // Network, kernel and volumes
        RiskRule(
            .change, "ip write", "changes links, addresses, routes or rules", programs: "ip",
            test: { inv in
                let words = inv.positionals(valueFlags: ["-n", "-netns", "-f", "-family"])
                guard words.count >= 2 else { return false }
                return !["show", "list", "ls", "get", "lst", "sh", "s"].contains(words[1])
            }),
        RiskRule(
            .destructive, "ip delete", "removes links, addresses or routes", programs: "ip",
            test: { inv in
                let words = inv.positionals(valueFlags: ["-n", "-netns", "-f", "-family"])
                return words.count >= 2 && ["delete", "del", "flush"].contains(words[1])
            }),
        RiskRule(
            .change, "sysctl write", "changes kernel settings", programs: "sysctl",
            test: { inv in
                inv.args.contains {
                    $0 == "-w" || $0 == "--write" || $0 == "-p" || $0 == "--load" || $0 == "--system"
                        || $0.contains("=")
                }
            }),
        RiskRule(
            .destructive, "lvremove", "deletes volumes", programs: "lvremove vgremove pvremove zpool",
            test: { inv in
                ["lvremove", "vgremove", "pvremove"].contains(inv.program)
                    || inv.positionals(valueFlags: []).first.map {
                        ["destroy", "remove", "detach", "labelclear"].contains($0)
                    } == true
            }),
        RiskRule(
            .change, "lvm write", "changes volumes",
            programs: "lvcreate lvextend lvreduce lvresize vgextend pvcreate vgcreate resize2fs xfs_growfs"),
        // etcd
        RiskRule(
            .destructive, "etcdctl del", "deletes keys or history", programs: "etcdctl",
            path: "del|compact|compaction"),
        RiskRule(
            .destructive, "etcdctl snapshot restore", "replaces the data directory", programs: "etcdctl",
            path: "snapshot restore"),
        RiskRule(
            .destructive, "etcdctl member remove", "takes a member out of the cluster", programs: "etcdctl",
            path: "member remove"),
        RiskRule(
            .change, "etcdctl write", "changes keys or members", programs: "etcdctl",
            path: "put|txn|lease|member|alarm|move-leader|user|role|auth|defrag",
            test: { inv in
                // `member list`, `alarm list`, `lease timetolive`: the listing forms only read.
                let words = inv.positionals(valueFlags: ["--endpoints", "--cacert", "--cert", "--key", "-w"])
                return words.count < 2 || !["list", "timetolive", "get", "leases"].contains(words[1])
            }),
        RiskRule(
            .read, "etcdctl list", "only reads", programs: "etcdctl",
            path: "member|alarm|lease|user|role list|timetolive|get|leases"),
        RiskRule(.read, "etcdctl read", "only reads", programs: "etcdctl", path: "get|watch|endpoint|version|check"),
        RiskRule(
            .read, "etcdctl snapshot", "only reads or saves a copy", programs: "etcdctl", path: "snapshot save|status"),
        RiskRule(.change, "reboot", "restarts the machine", programs: "reboot shutdown"),
        // Halted, the machine stays down until someone powers it on.
        RiskRule(
            .destructive, "shutdown", "stops the machine until someone powers it on",
            programs: "halt poweroff shutdown",
            test: { inv in
                inv.program != "shutdown" || !inv.lowerArgs.contains { $0 == "-r" || $0 == "--reboot" || $0 == "-c" }
            }),
        // HTTP
        RiskRule(
            .destructive, "curl -X DELETE", "deletes a remote resource", programs: "curl http https xh",
            test: { inv in
                httpMethod(inv) == "delete"
            }),
        RiskRule(
            .destructive, "curl -X DELETE", "deletes a remote resource", programs: "wget",
            test: { inv in
                httpMethod(inv) == "delete"
            }),
        RiskRule(
            .change, "curl POST", "sends data that may change state", programs: "curl http https xh wget",
            test: { inv in
                // Anything but a read: POST, PUT, PATCH, a cache PURGE, a WebDAV MOVE …
                !["get", "head", "options", "delete"].contains(httpMethod(inv))
            }),
        RiskRule(.read, "curl GET", "only fetches", programs: "curl http https xh wget"),
        // Shell built-ins and inspection tools
        RiskRule(
            .read, "shell builtin", "only prints or waits",
            programs: "echo printf true false test [ [[ : sleep exit return break continue yes"),
        RiskRule(
            .read, "shell state", "only changes this shell",
            programs:
                "cd export unset set alias local declare read shift pushd popd source . eval readonly typeset umask "
                + "trap wait"
        ),
        // Alertmanager's CLI reads, but a silence stops (or, expired, restarts) paging.
        RiskRule(
            .change, "amtool silence add", "adds, expires or imports silences: paging stops or resumes",
            programs: "amtool", path: "silence add|expire|import"),
        RiskRule(.change, "amtool alert add", "fires an alert", programs: "amtool", path: "alert add"),
        RiskRule(.read, "inspection", "only reads", programs: ShellRisk.readOnlyPrograms)
    ]

    /// `0`, `00`, `+0`, `0x0`: a number that is zero.
    static func isZero(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        if digits.hasPrefix("0x") { digits = digits.dropFirst(2) }
        return !digits.isEmpty && digits.allSatisfy { $0 == "0" }
    }

    static let firewallListing: Set<String> = [
        "-L", "--list", "-S", "--list-rules", "status", "list", "--list-all", "--state"
    ]

    /// `-sX DELETE`, `-sSfXDELETE`: `-X` bundled after other short options.
    static func bundledMethod(_ arg: String, next: String?) -> String? {
        guard arg.hasPrefix("-"), !arg.hasPrefix("--"), let x = arg.firstIndex(of: "X"),
            arg[arg.index(after: arg.startIndex)..<x].allSatisfy(\.isLetter)
        else { return nil }
        let attached = arg[arg.index(after: x)...]
        return attached.isEmpty ? next : attached.lowercased()
    }

    /// The HTTP method a curl-like command sends (`-X`, `--request`, data flags), lower-cased.
    static func httpMethod(_ inv: ShellInvocation) -> String {
        var method: String? = nil
        for (i, arg) in inv.args.enumerated() {
            if (arg == "-X" || arg == "--request" || arg == "--method") && i + 1 < inv.args.count {
                method = inv.lowerArgs[i + 1]
            } else if arg.hasPrefix("--request=") || arg.hasPrefix("--method=") {
                method = String(inv.lowerArgs[i].drop { $0 != "=" }.dropFirst())
            } else if arg.hasPrefix("-X"), arg.count > 2 {
                method = String(inv.lowerArgs[i].dropFirst(2))
            } else if let bundled = bundledMethod(arg, next: i + 1 < inv.args.count ? inv.lowerArgs[i + 1] : nil) {
                method = bundled
            }
        }
        if let method { return method }
        if inv.program == "http" || inv.program == "https" || inv.program == "xh" {
            if let m = inv.lowerArgs.first(where: { !$0.hasPrefix("-") }),
                ["post", "put", "patch", "delete", "get"].contains(m)
            {
                return m
            }
        }
        if inv.args.contains("-G") || inv.args.contains("--get") { return "get" }
        var dataFlags: [String] = []
        for arg in inv.args where arg.hasPrefix("-") {
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            if httpDataFlags.contains(name) { dataFlags.append(name) }
        }
        if dataFlags.isEmpty { return "get" }
        // Query APIs (Prometheus `/api/v1/query`) take their query as form data but only read.
        if dataFlags.allSatisfy({ $0 == "--data-urlencode" }),
            inv.lowerArgs.contains(where: {
                $0.contains("/api/v1/query") || $0.contains("/api/v1/series") || $0.contains("/api/v1/label")
            })
        {
            return "get"
        }
        return "post"
    }

    static let httpDataFlags: Set<String> = [
        "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-F", "--form",
        "-T", "--upload-file", "--json", "--post-data", "--post-file"
    ]

    /// Rules indexed by program, built once.
    static let byProgram: [String: [RiskRule]] = {
        var out: [String: [RiskRule]] = [:]
        for rule in table {
            for program in rule.programs { out[program, default: []].append(rule) }
        }
        return out
    }()
}
