/// The host itself and what runs on it: power, PID 1, schedules, disks and virtual machines,
/// cluster nodes and brokers reset to empty, the forms of a delete that other lines miss.
extension RiskRule {
    static let hostRules: [RiskRule] = [
        RiskRule(
            .destructive, "systemctl poweroff", "stops the machine until someone powers it on", programs: "systemctl",
            path: "poweroff|halt|kexec|emergency|rescue"),
        RiskRule(
            .destructive, "systemctl isolate", "switches the machine to a target that stops its services",
            programs: "systemctl", path: "isolate|start|restart",
            test: { inv in
                inv.lowerArgs.contains {
                    [
                        "poweroff.target", "halt.target", "rescue.target", "emergency.target", "kexec.target",
                        "reboot.target"
                    ].contains($0)
                }
            }),
        RiskRule(
            .destructive, "init 0", "halts the machine", programs: "init telinit",
            test: { inv in inv.args.first == "0" || inv.args.first == "1" || inv.args.first == "6" }),
        RiskRule(
            .destructive, "kill 1", "kills init or every process", programs: "kill",
            test: { inv in inv.positionals(valueFlags: ["-s", "-n"]).contains { $0 == "1" || $0 == "-1" } }),
        RiskRule(.destructive, "killall5", "kills every process", programs: "killall5"),
        RiskRule(
            .destructive, "pkill -u root", "kills every process of a user", programs: "pkill killall",
            test: { inv in
                // Only a user, no pattern: every process of that user.
                inv.lowerArgs.contains("-u") && inv.positionals(valueFlags: ["-u", "-s", "--signal"]).isEmpty
            }),
        RiskRule(
            .destructive, "crontab -r", "removes every scheduled job of the user", programs: "crontab",
            test: { inv in inv.lowerArgs.contains("-r") || inv.args.contains("/dev/null") }),
        RiskRule(
            .change, "crontab FILE", "replaces the user's schedule", programs: "crontab",
            test: { inv in !inv.lowerArgs.contains("-l") }),
        RiskRule(
            .destructive, "empty a file", "copies nothing over a file", programs: "cp",
            test: { inv in inv.args.first(where: { !$0.hasPrefix("-") }) == "/dev/null" }),
        RiskRule(
            .destructive, "mv to /dev/null", "moves files into nothing", programs: "mv",
            test: { inv in inv.args.last == "/dev/null" }),
        RiskRule(
            .destructive, "luksErase", "erases the disk's encryption keys: its data is gone", programs: "cryptsetup",
            path: "lukserase|erase|lukskillslot"),
        RiskRule(
            .destructive, "virsh undefine --remove-all-storage", "deletes the machine and its disks", programs: "virsh",
            path: "undefine|vol-delete|pool-delete"),
        RiskRule(
            .change, "virsh", "stops or changes virtual machines", programs: "virsh", path: "destroy|shutdown|reboot"),
        RiskRule(.destructive, "crictl rm", "removes pods or containers", programs: "crictl", path: "rm|rmp|rmi"),
        RiskRule(.destructive, "s3cmd del", "deletes objects", programs: "s3cmd", path: "del|rm|rb|sync"),
        RiskRule(.destructive, "kubeadm reset", "wipes the node's cluster state", programs: "kubeadm", path: "reset"),
        RiskRule(
            .destructive, "rabbitmqctl reset", "empties the node: queues and messages are lost",
            programs: "rabbitmqctl",
            path: "reset|force_reset"),
        RiskRule(
            .destructive, "redis EVAL", "runs a script that deletes keys", programs: "redis-cli", path: "eval|evalsha",
            test: { inv in
                inv.lowerArgs.contains {
                    ["flushall", "flushdb", "'del'", "\"del\"", "unlink"].contains(where: $0.contains)
                }
            }),
        RiskRule(
            .change, "redis EVAL", "runs a Lua script on the server", programs: "redis-cli",
            path: "eval|evalsha|fcall"),
        RiskRule(
            .change, "redis-cli --eval", "runs a Lua script on the server", programs: "redis-cli", flags: "--eval"),
        RiskRule(
            .destructive, "redis SHUTDOWN NOSAVE", "stops the server without saving", programs: "redis-cli",
            path: "shutdown",
            test: { inv in inv.lowerArgs.contains("nosave") }),
        RiskRule(
            .destructive, "git checkout -f", "discards local changes", programs: "git", path: "checkout|switch",
            flags: "-f --force --discard-changes"),
        RiskRule(
            .change, "git remote remove", "changes the repository's remotes", programs: "git",
            path: "remote remove|rm|rename|set-url|add"),
        RiskRule(
            .change, "git log --output", "writes a file", programs: "git",
            test: { inv in inv.args.contains { $0.hasPrefix("--output") } }),
        RiskRule(
            .destructive, "iptables -P DROP", "drops all traffic by default: the host can be cut off",
            programs: "iptables ip6tables",
            test: { inv in
                inv.args.contains { $0 == "-P" || $0 == "--policy" }
                    && inv.lowerArgs.contains { $0 == "drop" || $0 == "reject" }
            }),
        RiskRule(.change, "passwd", "changes a password", programs: "passwd chpasswd usermod"),
        RiskRule(
            .change, "git -c core.pager", "sets a command git runs", programs: "git",
            test: { inv in
                zip(inv.args, inv.args.dropFirst()).contains { flag, value in
                    flag == "-c"
                        && ["core.pager", "core.editor", "core.sshcommand", "alias."].contains {
                            value.lowercased().hasPrefix($0)
                        }
                }
            })
    ]
}
