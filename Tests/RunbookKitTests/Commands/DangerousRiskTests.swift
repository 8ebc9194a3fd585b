import Testing
@testable import RunbookKit

/// No dangerous command is rated `read`, and clearly destructive ones are `destructive`
/// (issue #11, item 4). Each line is what a careful commander would call it.
struct DangerousRiskTests {
    @Test(arguments: [
        ("ip link set eth0 down", "bash"), ("sysctl -w net.ipv4.ip_forward=1", "bash"),
        ("sysctl vm.swappiness=10", "bash"),
        ("clickhouse-client -q \"ALTER TABLE t UPDATE x = 1 WHERE y\"", "bash"),
        ("SELECT * INTO backup_users FROM users;", "sql"),
        ("ip route add default via 10.0.0.1", "bash"), ("etcdctl put /k v", "bash"),
        ("journalctl --rotate", "bash"), ("az vm deallocate -g rg -n vm1", "bash"),
        ("az webapp deployment slot swap -g rg -n app --slot staging", "bash"),
        ("kubectl scale deploy/api --replicas=3", "bash"),
        ("aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch file://x.json", "bash"),
        ("pg_basebackup -h primary.db -D /var/lib/postgresql/15/main -R -P", "bash"),
        ("pg_ctlcluster 15 main restart", "bash"), ("patronictl switchover --force", "bash"),
        ("repmgr standby clone -h primary", "bash"), ("vacuumdb --all --analyze", "bash"),
        ("amtool silence add alertname=LagHigh --duration=2h --comment='deploy'", "bash"),
        ("amtool --alertmanager.url=http://am:9093 silence expire 7d3c", "bash"),
        ("amtool silence import < silences.json", "bash"), ("kubectl drain node-1 --ignore-daemonsets", "bash"),
        ("kubectl config use-context prod", "bash"), ("kubectl config set-context --current --namespace=x", "bash")
    ])
    func neverRead(code: String, language: String) {
        let verdict = RiskRules.classify(code, language: language)
        #expect(verdict.risk >= .change, "\(code): \(verdict.reason)")
    }

    @Test(arguments: [
        ("clickhouse-client -q \"DROP TABLE events\"", "bash"), ("COPY users TO PROGRAM 'curl -d @- http://x';", "sql"),
        ("SELECT lo_unlink(16384);", "sql"), ("UPDATE users SET admin = true;", "sql"),
        ("DELETE FROM sessions;", "sql"),
        ("ALTER TABLE users DROP COLUMN email;", "sql"), ("DO $$ BEGIN DELETE FROM jobs; END $$;", "sql"),
        ("echo \"DROP TABLE users\" | psql app", "bash"), ("etcdctl del --prefix /registry", "bash"),
        ("lvremove -f vg0/data", "bash"), ("kill -9 -1", "bash"), ("iptables -F", "bash"),
        ("nft flush ruleset", "bash"),
        // Sized to zero, whichever tool says it: the same outage as `kubectl scale --replicas=0`.
        ("aws ecs update-service --cluster prod --service api --desired-count 0", "bash"),
        ("helm upgrade api ./chart --set replicaCount=0", "bash"),
        ("az aks scale -g rg -n prod --node-count 0", "bash"),
        ("ip link delete veth0", "bash"), ("zpool destroy tank", "bash"),
        ("journalctl --vacuum-time=2d", "bash"), ("sudo journalctl --vacuum-size 500M", "bash"),
        ("kafka-topics --bootstrap-server k:9092 --delete --topic orders", "bash"),
        ("kafka-consumer-groups.sh --group g --reset-offsets --to-latest --execute --all-topics", "bash"),
        ("kubectl scale deploy/api --replicas=0 -n prod", "bash"), ("oc scale dc/web --replicas 0", "bash"),
        ("az vm reimage -g rg -n vm1", "bash"), ("pg_rewind --target-pgdata=/data --source-server='host=p'", "bash"),
        ("patronictl -c /etc/patroni.yml reinit pg-cluster pg-2", "bash"),
        ("kubectl drain <node> --ignore-daemonsets --delete-emptydir-data", "bash"),
        ("kubectl drain node-1 --force --ignore-daemonsets", "bash")
    ])
    func destructive(code: String, language: String) {
        let verdict = RiskRules.classify(code, language: language)
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test(arguments: [
        "ip addr show", "ip route", "sysctl net.ipv4.ip_forward", "etcdctl get /registry --prefix --keys-only",
        "kill -1 1234", "iptables -L -n", "journalctl -u nginx --since '1 hour ago'",
        "kafka-consumer-groups --bootstrap-server k:9092 --describe --group g",
        "kafka-consumer-groups --bootstrap-server k:9092 --group g --reset-offsets --to-latest --all-topics",
        "kafka-topics.sh --bootstrap-server k:9092 --list", "pg_ctlcluster 15 main status", "repmgr cluster show",
        "patronictl list", "amtool silence query alertname=LagHigh", "amtool alert query",
        "amtool check-config alertmanager.yml"
    ])
    func stillRead(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(
            verdict.risk <= .change && (code.hasPrefix("kill") ? verdict.risk == .change : verdict.risk == .read),
            "\(code): \(verdict.reason)")
    }

    @Test func updateWithWhereStaysAChange() {
        #expect(RiskRules.classify("UPDATE users SET admin = false WHERE id = 7;", language: "sql").risk == .change)
        #expect(RiskRules.classify("COPY users TO STDOUT;", language: "sql").risk == .read)
    }

    @Test func aGroupSizedToZeroAndAMachineHaltedAreTyped() {
        for code in [
            "gcloud container clusters resize prod --num-nodes 0",
            "gcloud compute instance-groups managed resize web --size=0",
            "aws autoscaling set-desired-capacity --auto-scaling-group-name web --desired-capacity 0",
            "az vmss scale -g prod -n web --new-capacity 0", "shutdown -h now", "poweroff"
        ] {
            #expect(RiskRules.classify(code, language: "bash").risk == .destructive, "\(code)")
        }
        #expect(
            RiskRules.classify("gcloud compute instance-groups managed resize web --size=3", language: "bash").risk
                == .change)
        #expect(RiskRules.classify("shutdown -r now", language: "bash").risk == .change)
        #expect(RiskRules.classify("reboot", language: "bash").risk == .change)
    }

    @Test func theTruncateProgramIsNotTheSQLStatement() {
        let file = RiskRules.classify("truncate -s 0 /var/log/app.log", language: "bash")
        #expect(file.reason == "destructive: truncate cuts files short")
        #expect(
            RiskRules.classify("TRUNCATE orders;", language: "sql").reason
                == "destructive: SQL TRUNCATE deletes every row")
    }
}
