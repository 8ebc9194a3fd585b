import Testing
@testable import RunbookKit

@Suite("Shell sessions")
struct ShellSessionTests {
    @Test func promptLinesAreCommandsAndOutputIsDropped() {
        let code =
            "$ kubectl get pods\nNAME    READY   STATUS\napi-1   1/1     Running\n$ kubectl delete pod api-1\npod "
            + "\"api-1\" deleted"
        let commands = extractCommands("console", code, line: 5)
        #expect(commands.map(\.code) == ["kubectl get pods", "kubectl delete pod api-1"])
        #expect(commands.map(\.risk) == [.read, .destructive])
        #expect(commands.map(\.line) == [5, 8])
        #expect(commands.allSatisfy { $0.origin == .session })
    }

    @Test func commandsTypedAfterALoginElsewhereAreShownNotRunHere() {
        let code = """
            $ ssh -i ~/.ssh/ops.pem ops@node-3
            Welcome to node-3
            $ sudo systemctl restart kubelet
            $ exit
            $ kubectl get nodes
            """
        let commands = extractCommands("console", code, context: "Restart kubelet")
        #expect(
            commands.map(\.code) == [
                "ssh -i ~/.ssh/ops.pem ops@node-3", "sudo systemctl restart kubelet", "exit", "kubectl get nodes"
            ])
        #expect(commands.map(\.runnable) == [true, false, false, true])
        #expect(commands[1].title == "On `ssh -i ~/.ssh/ops.pem ops@node-3`: Restart kubelet")
        #expect(commands[1].risk == .change, "its risk is still shown")
    }

    @Test func whichCommandsOpenAShellElsewhere() {
        for login in [
            "ssh node-3", "ssh -p 2222 -J bastion ops@db-1", "sudo ssh root@10.0.0.4", "kubectl exec -it api-0 -- bash",
            "docker exec -it web sh", "oc rsh api-0", "gcloud compute ssh vm-1 --zone europe-west1-b",
            "aws ssm start-session --target i-0abc"
        ] {
            #expect(RemoteShell.opensShell(login), "\(login)")
        }
        for here in [
            "ssh node-3 uptime", "kubectl exec api-0 -- cat /etc/hosts", "kubectl exec -it api-0 -- psql -c 'SELECT 1'",
            "gcloud compute ssh vm-1 --command=uptime", "kubectl get pods", "scp a b:"
        ] {
            #expect(!RemoteShell.opensShell(here), "\(here)")
        }
    }

    @Test(arguments: ["sh", "", "bash"])
    func dollarPromptsMakeASession(info: String) {
        let commands = extractCommands(info, "$ df -h\nFilesystem Size\n/dev/sda1 100G")
        #expect(commands.map(\.code) == ["df -h"])
        #expect(commands.first?.origin == .session)
    }

    @Test func variousPrompts() {
        let code = """
            user@host:~$ systemctl status nginx
            ● nginx.service
            root@db:/var/lib# pg_lsclusters
            [admin@web01 ~]$ uptime
            """
        #expect(extractCommands("terminal", code).map(\.code) == ["systemctl status nginx", "pg_lsclusters", "uptime"])
    }

    @Test func rootPromptVersusComment() {
        let commands = extractCommands(
            "console", "# Restart the service\n# systemctl restart nginx\n$ systemctl status nginx")
        #expect(commands.map(\.code) == ["systemctl restart nginx", "systemctl status nginx"])
        #expect(commands.first?.title == "Restart the service")
    }

    @Test func sqlPrompts() {
        let code =
            "sg=# SELECT count(*) FROM users;\n count\n-------\n    42\npostgres=# DROP TABLE old;\nmysql> SHOW "
            + "PROCESSLIST;"
        let commands = extractCommands("console", code)
        #expect(commands.map(\.code) == ["SELECT count(*) FROM users;", "DROP TABLE old;", "SHOW PROCESSLIST;"])
        #expect(commands.map(\.language) == ["sql", "sql", "sql"])
        #expect(commands.map(\.risk) == [.read, .destructive, .read])
    }

    @Test func psqlContinuationPrompt() {
        let commands = extractCommands("console", "app=# SELECT *\napp-# FROM t;\n a | b")
        #expect(commands.map(\.code) == ["SELECT *\nFROM t;"])
    }

    @Test func redisPrompt() {
        let commands = extractCommands("console", "redis> FLUSHALL\nOK\n127.0.0.1:6379> INFO memory\n# Memory")
        #expect(commands.map(\.risk) == [.destructive, .read])
    }

    @Test func pythonREPLIsOneInteractiveCommand() {
        let commands = extractCommands(
            "pycon",
            ">>> from app import db\n>>> db.session.query(User).count()\n42\n>>> for u in users:\n...     print(u)")
        #expect(commands.count == 1)
        #expect(commands.first?.language == "python")
        #expect(commands.first?.interactive == true)
        #expect(
            commands.first?.code == "from app import db\ndb.session.query(User).count()\nfor u in users:\n    print(u)")
    }

    @Test func continuedCommandInSession() {
        let commands = extractCommands("console", "$ kubectl get pods \\\n>   -n prod\nNAME READY")
        #expect(commands.map(\.code) == ["kubectl get pods \\\n  -n prod"])
    }

    @Test func sessionFenceWithoutPromptsHoldsPlainCommands() {
        let commands = extractCommands("console", "# Pods\nkubectl get pods\n\n# Nodes\nkubectl get nodes")
        #expect(commands.map(\.code) == ["kubectl get pods", "kubectl get nodes"])
        #expect(commands.first?.origin == .fence)
    }

    @Test func outputLooksLikeNothing() {
        #expect(extractCommands("console", "$ echo hi\nhi\n$ ").map(\.code) == ["echo hi"])
    }

    @Test func sessionBlockLanguageFollowsTheFence() {
        #expect(CommandExtraction.blockLanguage(info: "sql", code: "postgres=# SELECT 1;\n ?column?") == "sql")
        #expect(CommandExtraction.blockLanguage(info: "python", code: ">>> 1 + 1\n2") == "python")
        #expect(CommandExtraction.blockLanguage(info: "console", code: "$ ls\nfile") == "bash")
    }

    /// More prompts as they are pasted: a root shell's `# ` in a plain block of nothing else, zsh's
    /// `% `, oh-my-zsh's folder after `➜`, a Redis database index, MariaDB's database in brackets.
    @Test func morePromptShapes() {
        #expect(
            extractCommands("", "# systemctl restart gw\n# journalctl -u gw --no-pager").map(\.code) == [
                "systemctl restart gw", "journalctl -u gw --no-pager"
            ])
        #expect(
            extractCommands("", "# restart the service\nsystemctl restart gw").map(\.code) == ["systemctl restart gw"])
        #expect(
            extractCommands("", "% kubectl get deploy -n checkout").map(\.code) == ["kubectl get deploy -n checkout"])
        #expect(
            extractCommands("", "➜  ~ kubectl get pods\nNAME READY\n➜  api git:(main) ✗ make deploy").map(\.code) == [
                "kubectl get pods", "make deploy"
            ])
        let redis = extractCommands("", "127.0.0.1:6379[2]> FLUSHDB ASYNC\nOK")
        #expect(redis.map(\.code) == ["FLUSHDB ASYNC"] && redis.first?.risk == .destructive)
        let maria = extractCommands("", "MariaDB [reports]> DELETE FROM jobs WHERE id = 3;\nQuery OK, 1 row affected")
        #expect(maria.map(\.language) == ["sql"] && maria.first?.risk == .destructive)
        #expect(extractCommands("", "  % Total    % Received\n100  1024").isEmpty, "curl's progress is no prompt")
    }
}
