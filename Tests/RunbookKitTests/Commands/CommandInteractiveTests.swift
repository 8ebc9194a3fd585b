import Testing
@testable import RunbookKit

@Suite("Interactive commands")
struct CommandInteractiveTests {
    func interactive(_ code: String, _ info: String = "bash") -> Bool? {
        extractCommands(info, code).first?.interactive
    }

    @Test(arguments: [
        "psql", "psql -U app -d prod", "mysql -u root", "redis-cli", "redis-cli -h $REDIS_HOST", "redis-cli MONITOR",
        "kubectl exec -it api-0 -- bash", "docker exec -it api sh", "tail -f /var/log/syslog", "tail -F x.log",
        "journalctl -u nginx --follow", "kubectl logs -f deployment/api", "docker-compose logs -f api",
        "docker logs -f api",
        "watch -n 5 kubectl get pods", "top", "htop", "kubectl edit deployment/api", "vim /etc/nginx/nginx.conf",
        "docker-compose exec db psql -U app", "python manage.py shell", "ssh bastion", "python3", "kubectl get pods -w",
        "kubectl get pods --watch", "docker stats"
    ])
    func interactiveCommands(code: String) {
        #expect(interactive(code) == true, "\(code)")
    }

    @Test(arguments: [
        "psql -c 'SELECT 1'", "psql app < dump.sql", "gunzip -c x.gz | psql app", "redis-cli PING",
        "redis-cli INFO stats",
        "redis-cli --scan --pattern 'x*'", "kubectl exec api-0 -- ls /", "docker-compose exec -T db psql -c 'SELECT 1'",
        "kubectl logs deployment/api --tail=100", "kubectl apply -f deploy.yaml", "tail -100 app.log",
        "python manage.py migrate",
        "ssh db1 uptime", "top -b -n 1", "docker stats --no-stream", "psql <<EOF\nSELECT 1;\nEOF"
    ])
    func batchCommands(code: String) {
        #expect(interactive(code) == false, "\(code)")
    }

    @Test func replSessionsAreInteractiveButRunnable() {
        let command = extractCommands("pycon", ">>> import os\n>>> os.getcwd()").first
        #expect(command?.interactive == true)
        #expect(command?.runnable == true)
    }
}
