/// Cassandra's nodetool and Airflow's CLI: their read verbs, and the ones that take a node out
/// of the ring or delete a DAG's history.
extension RiskRule {
    static let schedulerRules: [RiskRule] = [
        RiskRule(
            .destructive, "nodetool removenode", "takes a node out of the ring; its replicas are rebuilt elsewhere",
            programs: "nodetool",
            path: "removenode|assassinate|decommission|clearsnapshot|truncatehints|drain|resetlocalschema"),
        RiskRule(
            .change, "nodetool write", "changes the node's state or settings", programs: "nodetool",
            path:
                "repair|cleanup|compact|flush|scrub|upgradesstables|rebuild|refresh|move|enablegossip|disablegossip|"
                + "enablebinary|disablebinary|enablehandoff|disablehandoff|settraceprobability|setcompactionthroughput|"
                + "stop|garbagecollect|invalidatekeycache|invalidaterowcache"),
        RiskRule(
            .read, "nodetool read", "only reads", programs: "nodetool",
            path:
                "status|info|tpstats|compactionstats|gossipinfo|describecluster|describering|ring|netstats|cfstats|"
                + "tablestats|cfhistograms|tablehistograms|proxyhistograms|version|statusgossip|statusbinary|"
                + "getcompactionthroughput|listsnapshots|getendpoints|toppartitions|gcstats"),
        RiskRule(
            .destructive, "airflow delete", "deletes a DAG and its history, or old records", programs: "airflow",
            path: "dags|db|tasks delete|clean|reset|clear"),
        RiskRule(
            .change, "airflow write", "triggers, pauses or runs DAGs and tasks", programs: "airflow",
            path: "dags|tasks|db trigger|pause|unpause|backfill|test|run|upgrade|migrate|init|set-state"),
        RiskRule(
            .read, "airflow read", "only reads", programs: "airflow",
            path:
                "dags|tasks|db|config|jobs|info|version|providers|pools|connections|variables list|state|"
                + "states-for-dag-run|list-import-errors|next-execution|list-runs|list-jobs|show|report|check|get|"
                + "details|render|list")
    ]
}
