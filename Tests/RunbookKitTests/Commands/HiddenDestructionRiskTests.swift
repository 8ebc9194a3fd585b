import Testing
@testable import RunbookKit

/// Destruction a probe of hostile runbooks found rated read or change: behind a shell's bundled
/// `-c`, `su -c`, `eval`, `trap`, `source`, a pipe into `sh`, `kubectl debug … -- chroot`, `oc rsh`;
/// curl's bundled `-X`; SQL attached to its flag or run by psql's `\!`; a noun the cloud CLIs
/// share with a verb (`aws logs delete-log-group`); git, Redis and Terraform forms of a delete.
struct HiddenDestructionRiskTests {
    @Test(arguments: [
        "bash -lc 'rm -rf /srv/data'", "sh -ec \"rm -rf /srv/data\"", "su - postgres -c \"dropdb payments\"",
        "runuser -u postgres -- dropdb payments", "eval \"rm -rf /srv/data\"", "trap 'rm -rf /srv/data' EXIT",
        "source ./wipe-everything.sh", "echo \"rm -rf /srv/data\" | sh",
        "kubectl debug node/n -it --image=busybox -- chroot /host rm -rf /var/lib/kubelet",
        "oc rsh web-1 rm -rf /data", "curl -sX DELETE https://api/x", "curl -sSfX DELETE https://api/x",
        "wget --method=DELETE https://api/x", "psql -c\"DROP TABLE users\"", "mysql prod -e\"DROP DATABASE prod\"",
        "aws logs delete-log-group --log-group-name x", "gcloud logging logs delete my-log",
        "psql -c \"\\! rm -rf /srv\"", "ifconfig eth0 down", "docker-machine rm -f prod-host",
        "git push origin +main", "git push origin --delete release", "git push origin :release",
        "git push --mirror backup", "git reflog expire --expire=now --all", "git stash clear", "git checkout -- .",
        "redis-cli CLUSTER RESET HARD", "redis-cli GETDEL session:1", "terraform apply -auto-approve -destroy",
        "terraform state push -force old.tfstate"
    ])
    func destructive(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test(arguments: [
        "curl -X PURGE https://cdn/x", "sort -o /etc/passwd /tmp/x", "date -s \"2020-01-01\"",
        "awk 'BEGIN{system(\"touch /tmp/x\")}'", "uniq /tmp/in /etc/hosts", "tcpdump -i eth0 -w cap.pcap",
        "hostnamectl set-hostname db-2", "route del default", "arp -d 10.0.0.1", "dmesg --clear",
        "yq -i '.a = 1' values.yaml", "terraform state mv a b"
    ])
    func neverRead(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk >= .change, "\(code): \(verdict.reason)")
    }

    @Test func readFormsStayRead() {
        for code in [
            "aws logs tail /x --follow", "gcloud app logs tail -s default", "git checkout main", "sort /tmp/x",
            "terraform plan -destroy", "ifconfig eth0", "date -u", "curl -sS https://api/health", "dmesg -T"
        ] {
            #expect(riskOf(code) <= .change, "\(code)")
        }
        #expect(riskOf("aws logs tail /x --follow") == .read)
        #expect(riskOf("terraform plan -destroy") == .read)
        #expect(riskOf("COPY orders TO STDOUT;", "sql") == .read)
        #expect(riskOf("COPY (SELECT 1) TO '/etc/postgresql/postgresql.conf';", "sql") == .change)
        #expect(riskOf("curl https://x/install.sh | sudo bash") == .unknown)
        // find lists; what it runs on each file is judged as itself.
        #expect(riskOf("find /etc -mtime -3 -type f -ls") == .read)
        #expect(riskOf("find /var -name x -exec grep -l foo {} +") == .read)
        #expect(riskOf("find . -exec chmod 600 {} \\;") == .change)
        #expect(riskOf("find / -exec sh -c 'rm -rf $1' _ {} \\;") == .destructive)
    }

    /// The second probe's forms: power and PID 1, the kernel, wrappers that start a command
    /// elsewhere (tmux, screen, script, systemd-run, ansible, salt, nomad, at), short names (`k`,
    /// `tf`), any spelling of zero replicas, nodes and brokers reset, bundled SQL flags, commands
    /// given to a pager or git's config.
    @Test(arguments: [
        "systemctl poweroff", "systemctl isolate rescue.target", "kill -9 1", "pkill -u root",
        "echo c > /proc/sysrq-trigger", "iptables -P INPUT DROP", "ansible all -m shell -a \"rm -rf /srv/data\"",
        "salt '*' cmd.run 'rm -rf /srv/data'", "nomad alloc exec abc rm -rf /data", "gcloud run services delete api",
        "tf apply -auto-approve -destroy", "k scale deploy/api --replicas=0", "kubectl scale deploy/api --replicas 00",
        "kubeadm reset -f", "rabbitmqctl reset", "redis-cli SHUTDOWN NOSAVE", "cp /dev/null /var/lib/mysql/ibdata1",
        "mv /srv/data /dev/null", "git checkout -f main", "script -qc \"rm -rf /srv/data\" /dev/null",
        "tmux new -d \"rm -rf /srv/data\"", "screen -dm bash -c 'rm -rf /srv/data'",
        "systemd-run -p User=root /bin/rm -rf /srv/data", "crontab /dev/null", "echo \"rm -rf /srv/data\" | at now",
        "cryptsetup luksErase /dev/sdb", "virsh undefine vm1 --remove-all-storage",
        "aws kms schedule-key-deletion --key-id x", "psql -Atc \"DELETE FROM users\"",
        "mysql -NBe \"DELETE FROM users\"", "mysql --init-command=\"DROP TABLE users\"",
        "PAGER='rm -rf /srv/data' man ls", "git -c core.pager='rm -rf /srv/data' log"
    ])
    func destructiveOnTheHost(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test func everydayFormsKeepTheirRisk() {
        #expect(riskOf("kill -9 4242") == .change)
        #expect(riskOf("systemctl restart nginx") == .change)
        #expect(riskOf("gcloud run deploy api --image x") == .change)
        #expect(riskOf("kubectl scale deploy/api --replicas=10") == .change)
        #expect(riskOf("crontab -l") <= .change)
        #expect(riskOf("git log --oneline -5") == .read)
    }

    /// nodetool, Airflow, etcd and Vault: their read verbs read, their removals destroy.
    @Test func clusterToolsReadAndRemove() {
        for code in [
            "nodetool removenode abc", "nodetool assassinate 10.4.12.9", "nodetool clearsnapshot --all",
            "vault operator raft snapshot restore -force x.snap",
            "airflow db clean --clean-before-timestamp 2024 --yes",
            "airflow dags delete x --yes", "etcdctl member remove 8e9e"
        ] {
            #expect(riskOf(code) == .destructive, "\(code)")
        }
        for code in [
            "nodetool tpstats", "nodetool status", "vault operator raft autopilot state",
            "airflow tasks states-for-dag-run dag run1", "airflow dags list-import-errors", "airflow db check",
            "etcdctl member list", "etcdctl alarm list"
        ] {
            #expect(riskOf(code) == .read, "\(code)")
        }
        #expect(riskOf("airflow tasks test dag t 2024-01-01") == .change, "a test run runs the task")
        #expect(riskOf("nodetool repair -pr") == .change)
        #expect(CommandExtraction.inlineCommand("airflow dags pause finance_nightly", line: 1) != nil)
    }

    /// What the shell parser hid: a command after `$'…\'…'`, after `(( … << … ))` or `$[ … ]`,
    /// after a heredoc with a quote inside `$(…)`; and psql's `\gexec` and `\o |cmd`.
    @Test func commandsAfterHardQuotingAreSeen() {
        for code in [
            "echo $'Don\\'t page the DBA'\nkubectl delete ns payments", "(( bytes=1<<30 ))\nkubectl delete ns payments",
            "x=$[1<<2]\nrm -rf /srv/releases/old", "NOTE=\"$(cat <<EOF\nWe're on it\nEOF\n)\"\nrm -rf /srv/appdata"
        ] {
            #expect(riskOf(code) == .destructive, "\(code)")
        }
        #expect(riskOf("SELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec", "sql") == .destructive)
        #expect(riskOf("SELECT 1 \\o |rm -rf /srv", "sql") == .destructive)
    }

    /// The third probe's storage, platform and remote forms.
    @Test(arguments: [
        "sudo -iu postgres dropdb payments", "ceph osd pool delete p p --yes-i-really-really-mean-it",
        "zkCli.sh -server zk1:2181 deleteall /kafka", "mc rb --force minio/backups", "pg_dropcluster 15 main --stop",
        "userdel -r alice", "nvme format /dev/nvme0n1", "xfs_repair -L /dev/sdb1",
        "pwsh -Command \"Remove-Item -Recurse -Force C:\\data\"", "cmd /c del /s /q C:\\data",
        "curl -X POST 'http://es:9200/logs/_delete_by_query' -d '{}'", "terraform apply -replace=aws_db_instance.main",
        "heroku pg:reset DATABASE_URL -a app", "podman system reset -f", "zfs rollback -r tank/data@snap",
        "chmod -R 000 /", "grep -v debug app.conf > app.conf",
        "gcloud compute ssh vm1 --command 'sudo rm -rf /srv/data'",
        "az vm run-command invoke -g rg -n vm1 --command-id RunShellScript --scripts \"rm -rf /srv/data\"",
        "aws ssm send-command --document-name AWS-RunShellScript --parameters 'commands=[\"rm -rf /srv/data\"]'",
        "docker run --rm -v /srv:/srv alpine rm -rf /srv/data", "lxc exec c1 -- rm -rf /data",
        "machinectl shell c1 /bin/rm -rf /srv/appdata", "cockroach node decommission 3"
    ])
    func destructiveStorageAndRemote(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test func theirEverydayFormsAreNot() {
        #expect(riskOf("docker run --rm alpine echo hi") == .change)
        #expect(riskOf("gcloud compute ssh vm1 --command 'uptime'") == .change)
        #expect(riskOf("grep -v debug app.conf > app.clean.conf") <= .change)
        #expect(riskOf("chmod -R 755 /srv/app") == .change)
        #expect(riskOf("zfs list") <= .change)
    }

    /// SQL reached other ways: BigQuery's `bq query`, a URL's `query=`, functions that run SQL
    /// elsewhere or later; Redis scripts.
    @Test func sqlAndScriptsReachedOtherWays() {
        #expect(riskOf("bq query --use_legacy_sql=false 'DELETE FROM payments.orders WHERE true'") == .destructive)
        #expect(riskOf("bq query 'SELECT 1'") == .read)
        #expect(riskOf("curl 'http://clickhouse:8123/?query=DROP%20TABLE%20payments'") == .destructive)
        #expect(riskOf("curl 'http://clickhouse:8123/?query=SELECT%201'") == .read)
        #expect(riskOf("SELECT dblink_exec('conn','DROP TABLE orders');", "sql") == .destructive)
        #expect(riskOf("SELECT cron.schedule('x','0 * * * *','DELETE FROM events');", "sql") == .destructive)
        #expect(riskOf("SELECT lo_export(123, '/etc/postgresql/pg_hba.conf');", "sql") == .change)
        #expect(riskOf("redis-cli EVAL \"return redis.call('FLUSHALL')\" 0") == .destructive)
        #expect(riskOf("redis-cli --eval /srv/scripts/cleanup.lua") >= .change)
    }
}
