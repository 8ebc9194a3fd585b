/// Disks, filesystems, accounts and the data platforms whose deletes other lines miss: Ceph,
/// ZooKeeper, MinIO, PostgreSQL's cluster tools, Elasticsearch and Prometheus admin APIs,
/// platform resets (Heroku, microk8s, podman), Windows' delete commands.
extension RiskRule {
    static let storageRules: [RiskRule] = [
        RiskRule(
            .destructive, "zfs destroy", "deletes datasets or snapshots, or rolls data back", programs: "zfs zpool",
            path: "destroy|rollback|labelclear"),
        RiskRule(
            .destructive, "lvreduce", "shrinks a volume: data past the new end is lost",
            programs: "lvreduce lvresize vgreduce"),
        RiskRule(
            .destructive, "disk erase", "erases the device",
            programs: "nvme hdparm xfs_repair",
            test: { inv in
                inv.lowerArgs.contains {
                    ["format", "sanitize", "--security-erase", "--security-erase-enhanced", "-l"].contains($0)
                }
            }),
        RiskRule(
            .destructive, "userdel -r", "deletes the account and its home", programs: "userdel deluser",
            test: { inv in
                inv.lowerArgs.contains { ["-r", "--remove", "--remove-home", "--remove-all-files"].contains($0) }
            }),
        RiskRule(.change, "userdel", "deletes an account", programs: "userdel deluser groupdel"),
        RiskRule(
            .destructive, "ceph delete", "deletes pools, OSDs or images and their data", programs: "ceph rbd rados",
            words: "delete rm purge destroy"),
        RiskRule(
            .destructive, "zookeeper delete", "deletes znodes",
            programs: "zkcli.sh zkcli zookeeper-shell zookeeper-shell.sh",
            words: "delete deleteall rmr"),
        RiskRule(.destructive, "mc rm", "deletes buckets or objects", programs: "mc", path: "rm|rb"),
        RiskRule(
            .destructive, "pg_dropcluster", "deletes a PostgreSQL cluster or its write-ahead log",
            programs: "pg_dropcluster pg_resetwal pg_resetxlog"),
        RiskRule(
            .destructive, "platform reset", "wipes the database, cluster or stack",
            programs: "heroku microk8s serverless sls podman",
            test: { inv in
                let words = inv.positionals(valueFlags: ["-a", "--app", "-r", "--remote", "--stage", "-s"])
                return words.first.map { ["pg:reset", "reset", "remove", "apps:destroy", "destroy"].contains($0) }
                    == true
                    || (words.first == "system" && words.dropFirst().first == "reset")
            }),
        RiskRule(
            .destructive, "recursive chmod of /", "changes the modes or owner of the whole system",
            programs: "chmod chown",
            test: { inv in
                inv.lowerArgs.contains { $0 == "-r" || $0 == "--recursive" }
                    && inv.args.contains { $0 == "/" || $0 == "/*" }
            }),
        RiskRule(
            .destructive, "tee to a disk", "writes over a raw disk", programs: "tee",
            test: { inv in
                inv.args.contains { $0.hasPrefix("/dev/sd") || $0.hasPrefix("/dev/nvme") || $0.hasPrefix("/dev/xvd") }
            }),
        RiskRule(
            .destructive, "delete by query", "deletes documents, series or indices through the admin API",
            programs: "curl http https xh wget",
            test: { inv in
                inv.lowerArgs.contains {
                    $0.contains("_delete_by_query") || $0.contains("delete_series") || $0.contains("remove_index")
                        || $0.contains("/admin/tsdb/clean_tombstones")
                }
            }),
        RiskRule(
            .destructive, "terraform apply -replace", "destroys and recreates a resource", programs: "terraform tofu",
            path: "apply", test: { inv in inv.lowerArgs.contains { $0.hasPrefix("-replace") } }),
        RiskRule(
            .destructive, "del /s", "deletes files and folders", programs: "del erase rd rmdir",
            test: { inv in inv.program == "del" || inv.program == "erase" || inv.lowerArgs.contains("/s") }),
        RiskRule(
            .destructive, "cockroach node decommission", "takes a node out", programs: "cockroach",
            path: "node", words: "decommission")
    ]
}
