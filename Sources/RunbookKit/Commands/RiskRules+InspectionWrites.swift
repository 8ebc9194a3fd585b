/// Inspection tools are read (`RiskRule.coreRules`) until an option makes them write a file, run a
/// program or reconfigure the host: `sort -o`, `uniq IN OUT`, `tcpdump -w`, `awk 'BEGIN{system(…)}'`,
/// `date -s`, `ifconfig eth0 down`. These lines outrank the `inspection` line.
extension RiskRule {
    static let inspectionWrites: [RiskRule] = [
        RiskRule(.change, "sort -o", "writes its output over a file", programs: "sort", flags: "-o --output"),
        RiskRule(
            .change, "uniq OUTPUT", "writes its output over the second file", programs: "uniq",
            test: { inv in inv.positionals(valueFlags: ["-f", "-s", "-w"]).count >= 2 }),
        RiskRule(
            .change, "capture to a file", "writes a capture or key file",
            programs: "tcpdump openssl", flags: "-w -out -keyout"),
        RiskRule(
            .change, "in-place edit", "edits files in place", programs: "yq awk gawk",
            test: { inv in
                inv.lowerArgs.contains { $0 == "-i" || $0 == "--inplace" || $0 == "inplace" }
            }),
        RiskRule(
            .change, "awk system()", "runs programs or writes files from its script", programs: "awk gawk mawk",
            test: { inv in
                inv.args.contains { $0.contains("system(") || $0.contains("| \"") || $0.contains("print >") }
            }),
        RiskRule(
            .change, "xxd -r OUTPUT", "writes bytes over a file", programs: "xxd",
            test: { inv in
                inv.lowerArgs.contains("-r") && inv.positionals(valueFlags: ["-s", "-l", "-c", "-g"]).count >= 2
            }),
        RiskRule(.change, "date -s", "sets the system clock", programs: "date", flags: "-s --set"),
        RiskRule(
            .change, "host settings", "changes the host's name, clock or sessions",
            programs: "hostnamectl timedatectl loginctl",
            test: { inv in
                inv.lowerArgs.first(where: { !$0.hasPrefix("-") }).map {
                    $0.hasPrefix("set-") || $0.hasPrefix("terminate-") || $0.hasPrefix("kill-") || $0 == "lock-sessions"
                } ?? false
            }),
        RiskRule(.change, "dmesg --clear", "clears the kernel log", programs: "dmesg", flags: "-c -C --clear"),
        RiskRule(
            .change, "network settings", "changes routes, addresses or neighbours", programs: "ifconfig route arp",
            test: { inv in
                let words = inv.positionals(valueFlags: ["-i", "-n"])
                if inv.program == "arp" { return inv.lowerArgs.contains { $0 == "-d" || $0 == "-s" || $0 == "-f" } }
                if inv.program == "route" { return words.first.map { ["add", "del", "delete"].contains($0) } ?? false }
                return words.count >= 2
            }),
        RiskRule(
            .destructive, "interface down", "takes a network interface down: the host can be cut off",
            programs: "ifconfig",
            test: { inv in inv.lowerArgs.contains("down") }),
        RiskRule(
            .destructive, "docker-machine rm", "deletes the machine", programs: "docker-machine", path: "rm|kill"),
        RiskRule(.change, "docker-machine", "changes machines", programs: "docker-machine", path: "stop|restart|create")
    ]
}
