/// The rule table's lines for data stores, queues, schedulers and logs (`RiskRule.table` adds
/// them to the rest): one line per verdict, the worst matching line wins.
extension RiskRule {
    /// Kafka's admin scripts, with and without `.sh` (Apache's tarball vs Confluent's packages).
    static let kafkaTools = ["kafka-topics", "kafka-consumer-groups", "kafka-configs", "kafka-delete-records"]
        .flatMap { [$0, $0 + ".sh"] }.joined(separator: " ")
    /// Kafka's producers: every message they are given is written to the topic.
    static let kafkaProducers = ["kafka-console-producer", "kafka-avro-console-producer", "kafka-verifiable-producer"]
        .flatMap { [$0, $0 + ".sh"] }.joined(separator: " ")

    static let dataStoreRules: [RiskRule] = [
        // PostgreSQL servers and their replicas (the client tools are in `coreRules`)
        RiskRule(
            .destructive, "pg_rewind", "rewrites a data directory to match another server", programs: "pg_rewind"),
        RiskRule(.change, "pg_basebackup", "copies a server's data into a directory", programs: "pg_basebackup"),
        RiskRule(
            .change, "pg_ctlcluster", "starts, stops or promotes a cluster", programs: "pg_ctlcluster",
            words: "start stop restart reload promote"),
        RiskRule(.read, "pg_ctlcluster status", "only reads", programs: "pg_ctlcluster", words: "status"),
        RiskRule(
            .change, "vacuumdb", "rewrites or analyses tables, taking locks", programs: "vacuumdb reindexdb clusterdb"),
        RiskRule(
            .destructive, "patronictl reinit", "wipes a member and copies it again", programs: "patronictl",
            words: "reinit remove"),
        RiskRule(
            .change, "patronictl", "moves the leader or restarts members", programs: "patronictl",
            words: "switchover failover restart reload pause resume edit-config flush"),
        RiskRule(
            .change, "repmgr", "clones, promotes or repoints a node", programs: "repmgr",
            words: "clone promote follow switchover register unregister rejoin"),
        RiskRule(.read, "repmgr show", "only reads", programs: "repmgr", words: "show status check events"),
        // Other data stores and schedulers
        RiskRule(
            .destructive, "mongo drop", "deletes collections or documents", programs: "mongo mongosh",
            test: { inv in
                inv.lowerArgs.contains {
                    $0.contains("drop") || $0.contains("deletemany") || $0.contains("deleteone")
                        || $0.contains(".remove(")
                }
            }),
        RiskRule(
            .change, "mongo write", "changes documents", programs: "mongo mongosh",
            test: { inv in
                inv.lowerArgs.contains { $0.contains("insert") || $0.contains("update") || $0.contains("createindex") }
            }),
        RiskRule(
            .read, "mongo query", "only reads", programs: "mongo mongosh",
            test: { inv in
                inv.lowerArgs.contains {
                    $0.contains("find") || $0.contains("count") || $0.contains("stats") || $0.contains("getindexes")
                        || $0.contains("serverstatus") || $0.contains("currentop")
                } || !inv.lowerArgs.contains("--eval")
            }),
        RiskRule(
            .destructive, "journalctl --vacuum", "deletes archived journal files", programs: "journalctl",
            flags: "--vacuum-time --vacuum-size --vacuum-files"),
        RiskRule(
            .change, "journalctl --rotate", "rotates or flushes the journal files", programs: "journalctl",
            flags: "--rotate --flush --relinquish-var"),
        RiskRule(
            .change, "kafka producer", "writes messages to a topic", programs: RiskRule.kafkaProducers),
        RiskRule(
            .destructive, "kafka --delete", "deletes topics, consumer groups, offsets or records",
            programs: RiskRule.kafkaTools, flags: "--delete --delete-offsets --offset-json-file"),
        RiskRule(
            .destructive, "kafka-consumer-groups --execute",
            "moves a group's offsets: messages are skipped or read again",
            programs: RiskRule.kafkaTools, flags: "--execute"),
        RiskRule(
            .change, "kafka --alter", "changes topics, partitions or configs", programs: RiskRule.kafkaTools,
            flags: "--alter --create --add-config --delete-config"),
        RiskRule(
            .read, "kafka --list", "only lists or describes (`--reset-offsets` without `--execute` only plans)",
            programs: RiskRule.kafkaTools, flags: "--list --describe --dry-run --reset-offsets --version"),
        RiskRule(
            .change, "kafka-reassign-partitions --execute", "moves partitions between brokers",
            programs: "kafka-reassign-partitions", flags: "--execute --cancel"),
        RiskRule(
            .read, "kafka-reassign-partitions --verify", "only plans or checks a reassignment",
            programs: "kafka-reassign-partitions", flags: "--verify --generate --list"),
        RiskRule(
            .change, "kafka-leader-election", "moves partition leadership", programs: "kafka-leader-election"),
        RiskRule(
            .read, "kafka broker versions", "only asks brokers what they support or hold",
            programs: "kafka-broker-api-versions kafka-get-offsets"),
        RiskRule(
            .read, "kafka --describe", "only describes log dirs or ACLs", programs: "kafka-log-dirs kafka-acls",
            flags: "--describe --list"),
        RiskRule(.destructive, "crontab -r", "deletes the crontab", programs: "crontab", flags: "-r"),
        RiskRule(.read, "crontab -l", "only lists", programs: "crontab", flags: "-l"),
        RiskRule(.change, "crontab -e", "edits the crontab", programs: "crontab", flags: "-e"),
        RiskRule(
            .destructive, "firewall flush", "removes every rule (or chain) at once",
            programs: "iptables ip6tables nft ufw",
            test: { inv in
                inv.args.contains { ["-F", "--flush", "-X", "--delete-chain", "reset"].contains($0) }
                    || inv.program == "nft" && inv.lowerArgs.prefix(2) == ["flush", "ruleset"]
            }),
        RiskRule(
            .change, "firewall", "changes firewall rules", programs: "iptables ip6tables ufw nft firewall-cmd",
            test: { inv in
                !inv.args.contains { firewallListing.contains($0) }
            }),
        RiskRule(
            .read, "firewall list", "only lists rules", programs: "iptables ip6tables ufw nft firewall-cmd",
            test: { inv in
                inv.args.contains { firewallListing.contains($0) }
            })
    ]
}
