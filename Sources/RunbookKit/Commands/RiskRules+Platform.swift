/// The rule table's lines for the platform under the services: HashiCorp Vault, Consul and Nomad,
/// and configuration management (Ansible). Each tool's subcommands are sorted once (`vaultRisk`,
/// `consulRisk`); the table's lines give each verdict its reason.
extension RiskRule {
    static let platformRules: [RiskRule] = [
        // Vault
        RiskRule(
            .destructive, "vault", "seals Vault, deletes secrets or engines, or revokes credentials in use",
            programs: "vault", test: { vaultRisk(words($0)) == .destructive }),
        RiskRule(
            .change, "vault", "writes secrets, policies or settings", programs: "vault",
            test: { vaultRisk(words($0)) == .change }),
        RiskRule(.read, "vault", "only reads", programs: "vault", test: { vaultRisk(words($0)) == .read }),
        // Consul
        RiskRule(
            .destructive, "consul", "deletes keys, removes a server or restores the cluster's state",
            programs: "consul", test: { consulRisk(words($0)) == .destructive }),
        RiskRule(
            .change, "consul", "changes keys, services, maintenance mode or membership", programs: "consul",
            test: { consulRisk(words($0)) == .change }),
        RiskRule(.read, "consul", "only reads", programs: "consul", test: { consulRisk(words($0)) == .read }),
        // Nomad (its status, stop, run … are read by their verbs)
        RiskRule(
            .destructive, "nomad stop -purge", "stops the job and deletes it with its history", programs: "nomad",
            flags: "-purge --purge", words: "stop"),
        RiskRule(
            .destructive, "nomad remove-peer", "removes a server from the cluster", programs: "nomad",
            words: "remove-peer"),
        // Ansible
        RiskRule(
            .change, "ansible-playbook", "runs a playbook on the hosts", programs: "ansible-playbook",
            test: { !ansibleDryRun($0) }),
        RiskRule(
            .read, "ansible-playbook --check", "only reports what would change", programs: "ansible-playbook",
            test: ansibleDryRun),
        RiskRule(
            .change, "ansible", "runs a module on the hosts", programs: "ansible",
            test: { !ansibleReadOnly($0) }),
        RiskRule(
            .read, "ansible", "only checks reachability, gathers facts or lists hosts", programs: "ansible",
            test: ansibleReadOnly),
        RiskRule(.read, "ansible-inventory", "only reads the inventory", programs: "ansible-inventory ansible-doc")
    ]

    /// Positional words, lower-cased (flags and their `=` values left out).
    private static func words(_ inv: ShellInvocation) -> [String] { inv.positionals(valueFlags: []) }

    /// `vault kv get` reads, `vault kv put` changes, `vault operator seal` destroys; nil: not known.
    static func vaultRisk(_ p: [String]) -> Risk? {
        guard let first = p.first else { return nil }
        let second = p.count > 1 ? p[1] : ""
        let rest = Set(p.dropFirst())
        let reads: Set<String> = ["get", "list", "read", "lookup", "status", "members", "list-peers", "key-status"]
        switch first {
        case "status", "read", "list", "version", "print", "path-help": return .read
        case "delete": return .destructive
        case "write", "patch", "unwrap": return .change
        case "kv":
            if ["delete", "destroy"].contains(second) || (second == "metadata" && rest.contains("delete")) {
                return .destructive
            }
            return reads.contains(second) || (second == "metadata" && !rest.isDisjoint(with: reads)) ? .read : .change
        case "operator":
            // `raft snapshot restore` replaces every secret with the snapshot's.
            if rest.contains("seal") || rest.contains("remove-peer") || rest.contains("restore") { return .destructive }
            if rest.contains("state") || rest.contains("autopilot") && !rest.contains("set-config") { return .read }
            return rest.isDisjoint(with: reads) ? .change : .read
        case "secrets", "auth", "audit", "plugin", "policy", "lease", "token":
            if ["disable", "deregister", "delete"].contains(second) || (first == "lease" && second == "revoke") {
                return .destructive
            }
            return reads.contains(second) || second == "capabilities" ? .read : .change
        default: return nil
        }
    }

    /// `consul members` reads, `consul maint -enable` changes, `consul kv delete` destroys.
    static func consulRisk(_ p: [String]) -> Risk? {
        guard let first = p.first else { return nil }
        let second = p.count > 1 ? p[1] : ""
        let rest = Set(p.dropFirst())
        let reads: Set<String> = ["get", "list", "read", "export", "check", "inspect", "match", "list-peers", "save"]
        switch first {
        case "members", "info", "monitor", "version", "watch", "catalog", "debug", "validate", "rtt": return .read
        case "force-leave": return .destructive
        case "maint", "reload", "leave", "join", "event", "lock": return .change
        case "kv", "snapshot", "operator", "services", "intention", "acl", "config":
            if second == "delete" || (first == "snapshot" && second == "restore") || rest.contains("remove-peer") {
                return .destructive
            }
            return reads.contains(second) || rest.contains("list-peers") || rest.contains("get-config")
                ? .read : .change
        default: return nil
        }
    }

    /// `--check` (`-C`, not `-c`, the connection) and the listing flags run nothing on the hosts.
    static func ansibleDryRun(_ inv: ShellInvocation) -> Bool {
        inv.args.contains("-C")
            || inv.lowerArgs.contains {
                ["--check", "--syntax-check", "--list-hosts", "--list-tasks", "--list-tags"].contains($0)
            }
    }

    /// `ansible web -m ping`, `-m setup`, or a dry run.
    static func ansibleReadOnly(_ inv: ShellInvocation) -> Bool {
        if ansibleDryRun(inv) { return true }
        let reads: Set<String> = ["ping", "setup", "gather_facts", "stat", "debug", "ansible.builtin.ping"]
        let pairs = zip(inv.lowerArgs, inv.lowerArgs.dropFirst())
        return pairs.contains { ($0 == "-m" || $0 == "--module-name") && reads.contains($1) }
    }
}
