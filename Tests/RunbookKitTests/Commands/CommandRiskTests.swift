import Testing
@testable import RunbookKit

@Suite("Risk rules")
struct CommandRiskTests {
    @Test(arguments: [
        "redis-cli FLUSHDB", "redis-cli -h $REDIS_HOST flushall", "DROP DATABASE prod;", "TRUNCATE events;",
        "redis-cli --scan --pattern 'form:*' | xargs redis-cli DEL", "redis-cli UNLINK key", "celery -A api purge -f",
        "docker-compose down", "docker compose down -v", "docker rm -f api", "docker rmi api:old",
        "docker volume rm data",
        "docker system prune -af", "kubectl delete pod api-1", "kubectl -n prod delete deployment api",
        "psql -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity\"", "rm -rf /tmp/cache", "rm -f x.log",
        "rm -r dir",
        "dropdb -U app app_test", "find /var/log -name '*.gz' -delete", "psql $POSTGRES_URL < backup_2024.sql",
        "pg_restore --clean -d app dump.pgc", "pgbackrest --stanza=prod --type=time restore",
        "./restore-backup.sh latest",
        "terraform destroy -auto-approve", "helm uninstall api", "git push --force origin main",
        "git reset --hard HEAD~1",
        "mkfs.ext4 /dev/sdb1", "dd if=/dev/zero of=/dev/sdb bs=1M", "python manage.py delete_user_data --confirm",
        "aws s3 rm s3://bucket/key", "aws s3 sync ./out s3://bucket --delete", "curl -X DELETE https://api/x/1",
        "sudo rm -rf /var/lib/app", "kubectl exec -it api-0 -- redis-cli FLUSHALL",
        "docker-compose exec redis redis-cli flushdb",
        "ssh db1 'dropdb app'", "env FOO=1 rm -rf x", "time nohup rm -rf x", "kubectl get pods && kubectl delete pod x",
        "docker-compose exec db psql -U app -c \"DELETE FROM sessions;\"", "gunzip -c backup.sql.gz | psql app",
        "npm run db:drop", "bash -c 'rm -rf /tmp/x'"
    ])
    func destructive(code: String) {
        #expect(riskOf(code) == .destructive, "\(code): \(RiskRules.classify(code, language: "bash").reason)")
    }

    @Test(arguments: [
        "kubectl scale deployment/api --replicas=10", "kubectl rollout restart deployment/api",
        "kubectl rollout undo deployment/api",
        "kubectl set image deployment/api api=x:1", "kubectl apply -f k8s/", "kubectl patch deployment x -p '{}'",
        "kubectl edit deployment/api", "kubectl cordon node1", "kubectl drain node1", "kubectl annotate pod x a=b",
        "python manage.py migrate", "npm run db:migrate", "systemctl restart nginx", "systemctl reload nginx",
        "docker-compose up -d", "docker-compose restart api", "docker-compose pull", "docker restart api",
        "docker pull x",
        "wrangler publish --env production", "aws s3 sync out s3://bucket/", "aws s3 cp x s3://b/x",
        "aws cloudfront create-invalidation --distribution-id X --paths '/*'", "redis-cli CONFIG SET maxmemory 2gb",
        "apt update && apt upgrade -y", "apt install -y nginx", "logrotate /etc/logrotate.d/nginx", "git checkout main",
        "git pull",
        "terraform apply", "createdb app_test", "gunzip backup.sql.gz", "pg_dump app > /var/backups/app.sql",
        "echo hi > /etc/motd",
        "./rotate-keys.sh", "python manage.py createsuperuser", "npm run deploy:rollback", "curl -X POST https://api/x",
        "curl -d 'a=1' https://api/x", "curl --request PUT https://api", "psql -c 'VACUUM ANALYZE;'",
        "psql -c 'SELECT pg_cancel_backend(123);'", "helm upgrade api chart/"
    ])
    func change(code: String) {
        #expect(riskOf(code) == .change, "\(code): \(RiskRules.classify(code, language: "bash").reason)")
    }

    @Test(arguments: [
        "kubectl get pods", "kubectl -n prod describe pod x", "kubectl logs -f deployment/api --tail=100",
        "kubectl top pods",
        "kubectl rollout status deployment/api", "redis-cli INFO stats | grep keyspace_hits", "redis-cli PING",
        "redis-cli GET k",
        "redis-cli LLEN celery", "redis-cli --scan --pattern 'x*'", "celery -A api inspect active",
        "curl https://x/health",
        "curl -f https://yourdomain.com/health || echo DOWN", "df -h", "free -h", "ps aux | grep api", "top -b -n 1",
        "ping -c 5 google.com", "traceroute x", "dig x", "tail -f /var/log/syslog", "grep ERROR app.log | head",
        "cat /etc/hosts", "ls -la", "journalctl -u docker -f", "docker ps", "docker stats --no-stream",
        "docker logs api",
        "docker-compose logs -f api", "pg_isready -h db", "npm run health:check", "npm run security:audit-users",
        "npm run logs:errors", "npm run report:usage", "echo $X", "docker-compose exec db psql -c \"SELECT 1;\"",
        "sudo journalctl -n 100", "watch kubectl get pods",
        "curl http://prometheus:9090/api/v1/query --data-urlencode 'query=rate(http_requests_total[5m])'",
        "X=$(kubectl get pods -o name | head -1)"
    ])
    func read(code: String) {
        #expect(riskOf(code) == .read, "\(code): \(RiskRules.classify(code, language: "bash").reason)")
    }

    @Test func sqlStatements() {
        #expect(riskOf("SELECT * FROM t;", "sql") == .read)
        #expect(riskOf("SHOW max_connections;", "sql") == .read)
        #expect(riskOf("EXPLAIN SELECT 1;", "sql") == .read)
        #expect(riskOf("SELECT 1; DELETE FROM t;", "sql") == .destructive)
        #expect(riskOf("UPDATE t SET a = 1 WHERE id = 2;", "sql") == .change)
        #expect(riskOf("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x;", "sql") == .destructive)
        #expect(riskOf("SELECT 'DROP TABLE x' AS text;", "sql") == .read)
        #expect(riskOf("-- DROP TABLE x\nSELECT 1;", "sql") == .read)
        #expect(riskOf("CREATE INDEX CONCURRENTLY i ON t(a);", "sql") == .change)
        #expect(riskOf("GRANT SELECT ON t TO ro;", "sql") == .change)
        #expect(riskOf("REINDEX DATABASE app;", "sql") == .change)
        #expect(riskOf("DROP SCHEMA s CASCADE;", "sql") == .destructive)
    }

    @Test func serverAdministrationStatements() {
        // Replication: stopping and starting it changes; forgetting its position or the binary logs destroys.
        #expect(riskOf("STOP SLAVE;", "sql") == .change)
        #expect(riskOf("START REPLICA;", "sql") == .change)
        #expect(riskOf("START TRANSACTION;", "sql") == .read)
        #expect(riskOf("CHANGE REPLICATION SOURCE TO SOURCE_HOST='db-2';", "sql") == .change)
        #expect(riskOf("STOP SLAVE;\nRESET SLAVE ALL;", "sql") == .destructive)
        #expect(riskOf("RESET MASTER;", "sql") == .destructive)
        #expect(riskOf("PURGE BINARY LOGS BEFORE '2024-05-01';", "sql") == .destructive)
        #expect(riskOf("RESET work_mem;", "sql") == .change)
        // Settings: the session's own reads; the server's changes.
        #expect(riskOf("SET SESSION sql_mode = '';", "sql") == .read)
        #expect(riskOf("SET GLOBAL read_only = ON;", "sql") == .change)
        #expect(riskOf("SET @@GLOBAL.read_only = ON;", "sql") == .change)
        #expect(riskOf("FLUSH PRIVILEGES;", "sql") == .change)
        #expect(riskOf("OPTIMIZE TABLE orders;", "sql") == .change)
        #expect(riskOf("CHECK TABLE orders;", "sql") == .read)
        #expect(
            RiskRules.classify("RESET SLAVE ALL;", language: "sql").reason
                == "destructive: SQL RESET SLAVE/REPLICA forgets the replication position")
    }

    @Test func powerShellCmdletsByTheirVerb() {
        #expect(riskOf("Get-Service -Name W3SVC", "powershell") == .read, "not a site wrapper of `service`")
        #expect(riskOf("Get-EventLog -LogName System -Newest 50", "powershell") == .read)
        #expect(riskOf("Restart-Service -Name W3SVC -Force", "powershell") == .change)
        #expect(riskOf("Set-ItemProperty -Path HKLM:\\x -Name y -Value 1", "powershell") == .change)
        #expect(riskOf("Remove-Item -Recurse -Force C:\\inetpub\\temp", "powershell") == .destructive)
        #expect(riskOf("Remove-Item C:\\temp\\x -WhatIf", "powershell") == .read)
        #expect(riskOf("Stop-Computer -Force", "powershell") == .destructive)
        #expect(riskOf("Format-Table -AutoSize", "powershell") == .read)
        #expect(riskOf("Format-Volume -DriveLetter D", "powershell") == .destructive)
        #expect(riskOf("Get-Process | Out-File procs.txt", "powershell") == .change)
        // A Linux tool named verb-noun reads the same way.
        #expect(riskOf("update-grub", "bash") == .change)
        #expect(
            RiskRules.classify("Get-Service", language: "powershell").reason
                == "read: get-service only reads (its verb is get)")
    }

    @Test func vaultConsulNomadAndAnsible() {
        #expect(riskOf("vault status", "bash") == .read)
        #expect(riskOf("vault kv get secret/payments/db", "bash") == .read)
        #expect(riskOf("vault kv put secret/payments/db password=x", "bash") == .change)
        #expect(riskOf("vault kv metadata delete secret/payments/db", "bash") == .destructive)
        #expect(riskOf("vault operator seal", "bash") == .destructive)
        #expect(riskOf("vault operator unseal", "bash") == .change)
        #expect(riskOf("vault operator raft list-peers", "bash") == .read)
        #expect(riskOf("vault lease revoke -prefix database/creds/app", "bash") == .destructive)
        #expect(riskOf("consul members", "bash") == .read)
        #expect(riskOf("consul kv get config/web", "bash") == .read)
        #expect(riskOf("consul kv delete -recurse config/web", "bash") == .destructive)
        #expect(riskOf("consul maint -enable -service=web", "bash") == .change)
        #expect(riskOf("consul snapshot restore backup.snap", "bash") == .destructive)
        #expect(riskOf("nomad job stop web", "bash") == .change)
        #expect(riskOf("nomad job stop -purge web", "bash") == .destructive)
        #expect(riskOf("ansible web -i prod -m ping", "bash") == .read)
        #expect(riskOf("ansible web -i prod -m shell -a 'systemctl restart nginx'", "bash") == .change)
        #expect(riskOf("ansible-playbook -i prod site.yml --check --diff", "bash") == .read)
        #expect(riskOf("ansible-playbook -i prod site.yml -C", "bash") == .read)
        #expect(riskOf("ansible-playbook -i prod site.yml -c ssh", "bash") == .change, "-c is the connection")
    }

    @Test func reasonsNameTheRule() {
        let flush = RiskRules.classify("redis-cli FLUSHDB", language: "bash")
        #expect(flush.reason == "destructive: redis FLUSHDB deletes every key in the database")
        let unknown = RiskRules.classify("frobnicate --now", language: "bash")
        #expect(unknown.risk == .unknown)
        #expect(unknown.reason == "unknown: no rule knows this command; asked for like a change")
        #expect(
            RiskRules.classify("kubectl delete pod x", language: "bash").reason.hasPrefix("destructive: kubectl delete")
        )
    }

    @Test func readOnlyToolsDoNotTripOnWords() {
        #expect(riskOf("grep 'DROP TABLE' migrations.sql") == .read)
        #expect(riskOf("echo 'rm -rf /' | wc -c") == .read)
        #expect(riskOf("kubectl logs drop-worker") == .read)
    }

    @Test func pythonSnippets() {
        #expect(riskOf("User.objects.filter(x=1).delete()", "python") == .destructive)
        #expect(riskOf("user.save()", "python") == .change)
        #expect(riskOf("print(x)", "python") == .unknown)
    }

    @Test func ruleTableIsConsistent() {
        for rule in RiskRule.table {
            #expect(!rule.name.isEmpty && !rule.why.isEmpty && !rule.programs.isEmpty, "\(rule.name)")
        }
    }

    @Test func heredocScriptsAreLookedInto() {
        #expect(riskOf("ssh db1 <<EOF\nrm -rf /var/lib/x\nEOF") == .destructive)
        #expect(riskOf("bash <<'EOF'\nkubectl get pods\nEOF") == .read)
        #expect(riskOf("psql app <<EOF\nDROP TABLE t;\nEOF") == .destructive)
        #expect(riskOf("psql app <<EOF\nSELECT 1;\nEOF") == .read)
        #expect(riskOf("cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF") == .change)
    }

    @Test func worstOfListsAndPipelines() {
        #expect(riskOf("kubectl get pods; kubectl delete pod x") == .destructive)
        #expect(riskOf("kubectl get pods || kubectl scale deploy/x --replicas=1") == .change)
        #expect(riskOf("kubectl get pods | grep api | wc -l") == .read)
        #expect(riskOf("rm -rf $(ls /tmp/x)") == .destructive)
        #expect(riskOf("echo $(kubectl delete pod x)") == .destructive)
    }

    @Test func wrappersAreLookedThrough() {
        #expect(riskOf("sudo -u postgres dropdb app") == .destructive)
        #expect(riskOf("timeout 30 kubectl get pods") == .read)
        #expect(riskOf("kubectl exec -n prod api-0 -c app -- rm -rf /tmp") == .destructive)
        #expect(riskOf("docker compose exec -T db psql -c 'TRUNCATE t;'") == .destructive)
        #expect(riskOf("docker exec -it redis redis-cli INFO") == .read)
        #expect(riskOf("ssh -i key.pem admin@host 'sudo systemctl restart nginx'") == .change)
        #expect(riskOf("watch 'kubectl get pods'") == .read)
        #expect(riskOf("xargs -n1 kubectl delete pod") == .destructive)
    }

    @Test func moreTools() {
        #expect(riskOf("gcloud compute instances delete web-1") == .destructive)
        #expect(riskOf("aws ec2 describe-instances") == .read)
        #expect(riskOf("aws ec2 terminate-instances --instance-ids i-1") == .destructive)
        #expect(riskOf("mongosh --eval 'db.sessions.drop()'") == .destructive)
        #expect(riskOf("mongosh --eval 'db.serverStatus()'") == .read)
        #expect(riskOf("crontab -r") == .destructive)
        #expect(riskOf("crontab -l") == .read)
        #expect(riskOf("iptables -L -n") == .read)
        #expect(riskOf("iptables -F") == .destructive)
        #expect(riskOf("bundle exec rake db:reset") == .destructive)
        #expect(riskOf("vault kv delete secret/app") == .destructive)
        #expect(riskOf("vault kv get secret/app") == .read)
        #expect(riskOf("docker compose -f prod.yml down") == .destructive)
        #expect(riskOf("systemctl --no-pager status nginx") == .read)
        #expect(riskOf("kubectl --context prod -n x get pods") == .read)
        #expect(riskOf("kubectl delete pod $(kubectl get pods | grep Evicted | awk '{print $1}')") == .destructive)
    }

    @Test func composeFlagsAndRun() {
        #expect(riskOf("docker-compose -f prod.yml exec db psql -c 'DROP TABLE t;'") == .destructive)
        #expect(riskOf("docker compose --project-name x exec redis redis-cli INFO") == .read)
        #expect(riskOf("docker-compose run --rm web python manage.py migrate") == .change)
        #expect(riskOf("docker-compose run --rm -e X=1 web ./restore-backup.sh") == .destructive)
        #expect(
            extractCommands("bash", "docker-compose run --rm web python manage.py shell").first?.interactive == true)
        #expect(
            extractCommands("bash", "docker-compose run --rm web python manage.py check").first?.interactive == false)
    }

    @Test func aFileArgumentIsNoVerbAndAnActionFlagOutweighsAReadingWord() {
        // `plan.json` once read as the verb "plan": read-only, for a command that moves data.
        #expect(riskOf("reassign-tool --plan-file plan.json --execute") == .unknown)
        #expect(riskOf("mytool ./status.json") == .unknown)
        #expect(riskOf("mytool verify --execute") == .change)
        #expect(riskOf("mytool verify") == .read)
        #expect(riskOf("mytool app.tasks.status") == .read, "a dotted task name is no file")
        let kafka = "kafka-reassign-partitions --bootstrap-server k:9092 --reassignment-json-file plan.json"
        #expect(riskOf(kafka + " --execute") == .change)
        #expect(riskOf(kafka + " --verify") == .read)
        #expect(riskOf("kafka-broker-api-versions --bootstrap-server k:9092") == .read)
        #expect(riskOf("kafka-acls --bootstrap-server k:9092 --add --allow-principal User:x") != .read)
    }

    @Test func argoCDReadsChangesAndDeletes() {
        #expect(riskOf("argocd app history payments") == .read)
        #expect(riskOf("argocd app get payments") == .read)
        #expect(riskOf("argocd app rollback payments 41") == .change)
        #expect(riskOf("argocd app sync payments") == .change)
        #expect(riskOf("argocd app delete payments") == .destructive)
    }

    @Test func deletingFlagsOnUnknownTools() {
        #expect(riskOf("kafka-topics --bootstrap-server b:9092 --delete --topic events") == .destructive)
        #expect(riskOf("mytool --purge-cache") == .destructive)
        #expect(riskOf("mytool --dry-run") == .unknown)
        #expect(riskOf("somethingunknown --flag") == .unknown)
        // Output kept in a plain file in the working folder or /tmp is a copy, not a change.
        #expect(riskOf("pg_dump app > backup.sql") == .read)
        #expect(riskOf("kubectl get pods -o yaml > /tmp/pods.yaml") == .read)
        #expect(riskOf("kubectl get pods > ../pods.txt") == .change)
        #expect(riskOf("kubectl get pods --show-labels") == .read)
    }
}
