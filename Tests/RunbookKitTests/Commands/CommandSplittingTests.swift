import Testing
@testable import RunbookKit

@Suite("Splitting blocks into commands")
struct CommandSplittingTests {
    @Test func commentsTitleAndBlankLinesSeparate() {
        let code = """
            # 1. Run migrations (if needed)
            kubectl exec -it deployment/api -- python manage.py migrate

            # 2. Deploy new version
            kubectl set image deployment/api api=forms/api:$VERSION
            """
        let commands = extractCommands("bash", code, line: 10)
        #expect(commands.map(\.title) == ["Run migrations (if needed)", "Deploy new version"])
        #expect(commands.map(\.line) == [11, 14])
        #expect(commands[1].code == "kubectl set image deployment/api api=forms/api:$VERSION")
    }

    @Test func eachCommandOfAGroupIsItsOwnCommandUnderTheGroupsTitle() {
        let code = "# Build\npnpm build:prod\naws s3 sync out s3://bucket/\n\n# Publish\nwrangler publish"
        let commands = extractCommands("bash", code)
        #expect(commands.map(\.code) == ["pnpm build:prod", "aws s3 sync out s3://bucket/", "wrangler publish"])
        #expect(commands.map(\.title) == ["Build", "Build", "Publish"])
        #expect(commands.map(\.line) == [2, 3, 6])
        // Each judged on its own: the read is not coloured by the restart beside it.
        let mixed = extractCommands("bash", "kubectl get pods -n shop\nkubectl delete pod api-0 -n shop")
        #expect(mixed.map(\.risk) == [.read, .destructive])
    }

    @Test func aGroupThatSharesTheShellsStateRunsAsOneScript() {
        let scripts = [
            "NS=shop\nkubectl get pods -n $NS",
            "export KUBECONFIG=~/.kube/prod\nkubectl get nodes",
            "cd /srv/app\n./deploy.sh",
            "kubectl port-forward svc/db 5432 &\npsql -h localhost -c 'SELECT 1'",
            "systemctl restart nginx\nif [ $? -ne 0 ]; then journalctl -u nginx; fi",
            "echo \"Draining node\"\nkubectl drain node-1",
            "kubectl scale deploy/api --replicas=0\nsleep 10\nkubectl scale deploy/api --replicas=3",
            "backup() { pg_dump shop > /tmp/shop.sql; }\nbackup",
            "POD=$(kubectl get pods -o name | head -1)\nkubectl logs $POD",
            // A client waiting at the keyboard: the lines after it are typed into it.
            "redis-cli -h cache-0\nINFO memory",
            // A line that does not start like a command: the author's block is kept.
            "kubectl get pods\nthen look for CrashLoopBackOff"
        ]
        for script in scripts {
            #expect(extractCommands("bash", script).count == 1, "\(script)")
        }
    }

    @Test func linesAfterALoginElsewhereAreShownAsDoneThereNeverRunHere() {
        let commands = extractCommands("bash", "kubectl get nodes\nssh node-3\nsudo systemctl restart kubelet\nexit")
        #expect(commands.map(\.code) == ["kubectl get nodes", "ssh node-3", "sudo systemctl restart kubelet\nexit"])
        #expect(commands.map(\.runnable) == [true, true, false])
        #expect(commands.last?.title == "On `ssh node-3`")
        #expect(commands.last?.risk == .change)
    }

    @Test func everyStatementOfASQLBlockIsKeptNoneTakenForOutput() {
        // Statements that do not start like a query (`START SLAVE`, `RESET SLAVE ALL`) were
        // dropped as the pasted result of the one before.
        let skip = extractCommands("sql", "STOP SLAVE;\nSET GLOBAL sql_slave_skip_counter = 1;\nSTART SLAVE;")
        #expect(skip.map(\.code) == ["STOP SLAVE;\nSET GLOBAL sql_slave_skip_counter = 1;\nSTART SLAVE;"])
        let reset = extractCommands("sql", "stop slave;\nreset slave all;")
        #expect(reset.map(\.code) == ["stop slave;\nreset slave all;"])
        #expect(reset.first?.risk == .destructive)
        // A result pasted after a statement is still dropped.
        let pasted = extractCommands("sql", "SELECT count(*) FROM t;\n count\n-------\n    42\n(1 row)")
        #expect(pasted.map(\.code) == ["SELECT count(*) FROM t;"])
        // A comment after a statement titles the next one: it was taken for output with the
        // statement after it (a `DELETE` vanished from the commands).
        let titled = extractCommands("sql", "SELECT 1;\n-- cleanup old rows\nDELETE FROM t;")
        #expect(titled.map(\.code) == ["SELECT 1;", "DELETE FROM t;"])
        #expect(titled.last?.title == "cleanup old rows" && titled.last?.risk == .destructive)
    }

    @Test func aProgramTheTableDoesNotKnowCalledWithOptionsIsACommandOfItsOwn() {
        let code = "xtrabackup --prepare --target-dir=/backups/<date>\nsystemctl stop mysql\nrm -rf /var/lib/mysql/*"
        let commands = extractCommands("bash", code)
        #expect(commands.map(\.code) == code.split(separator: "\n").map(String.init))
        #expect(commands.map(\.risk) == [.unknown, .change, .destructive])
    }

    @Test func aFenceThatNamesItselfTitlesItsCommands() {
        let named = extractCommands("bash title=\"check memory\"", "redis-cli -h cache INFO memory")
        #expect(named.map(\.title) == ["check memory"])
        #expect(named.first?.risk == .read)
        // A comment inside the block is more precise than the fence's name.
        let commented = extractCommands("sh title='Redis'", "# Biggest keys\nredis-cli --bigkeys")
        #expect(commented.map(\.title) == ["Biggest keys"])
    }

    @Test func titleCommentStartsANewGroupWithoutBlankLine() {
        let commands = extractCommands("bash", "# one\necho 1\n# two\necho 2")
        #expect(commands.map(\.code) == ["echo 1", "echo 2"])
        #expect(commands.map(\.title) == ["one", "two"])
    }

    @Test func commentOnlyGroupsProduceNothing() {
        let code =
            "# Notify incident response team\n# - Slack: #incidents\n\n# Failover\n# kubectl patch deployment x -p '{}'"
        #expect(extractCommands("bash", code).isEmpty)
    }

    @Test func trailingCommentAnnotates() {
        let commands = extractCommands("bash", "# Edit\nkubectl edit deployment/api\n# Change memory\n\necho next")
        #expect(commands.count == 2)
        #expect(commands[0].title == "Edit")
        #expect(commands[0].code == "kubectl edit deployment/api\n# Change memory")
        #expect(commands[1].title == nil)
    }

    @Test func contextTitlesUntitledCommands() {
        let commands = extractCommands("bash", "kubectl get pods", context: "Check pods")
        #expect(commands.first?.title == "Check pods")
        #expect(extractCommands("bash", "kubectl get pods").first?.title == nil)
    }

    @Test func shebangBlockIsOneScript() {
        let code = "#!/bin/bash\n# Daily health check script\n\necho start\n\n# Disk\ndf -h\n"
        let commands = extractCommands("bash", code)
        #expect(commands.count == 1)
        #expect(commands.first?.title == "Daily health check script")
        #expect(commands.first?.code.hasPrefix("#!/bin/bash") == true)
        #expect(commands.first?.risk == .read)
    }

    @Test func continuationsQuotesHeredocsAndCompoundsAreNeverSplit() {
        let continued = "kubectl run debug \\\n\n  --image=busybox"
        #expect(extractCommands("bash", continued).count == 1)
        let quoted = "docker-compose exec db psql -c \"\n\n# not a title\nSELECT 1;\n\"\n\necho after"
        let q = extractCommands("bash", quoted)
        #expect(q.count == 2)
        #expect(q[0].code.hasSuffix("\""))
        let heredoc = "psql <<EOF\nSELECT 1;\n\n-- comment\nEOF\necho done"
        #expect(extractCommands("bash", heredoc).count == 1)
        let compound = "for pod in a b; do\n  # restart each\n\n  kubectl delete pod $pod\ndone"
        let c = extractCommands("bash", compound)
        #expect(c.count == 1)
        #expect(c.first?.risk == .destructive)
        let ifBlock = "if [ -f x ]; then\n\n  echo yes\nfi"
        #expect(extractCommands("bash", ifBlock).count == 1)
        let braces = "{\n  echo a\n\n  echo b\n} > out.txt"
        #expect(extractCommands("bash", braces).count == 1)
        let caseBlock = "case $1 in\n  start)\n\n    systemctl start x ;;\nesac"
        #expect(extractCommands("bash", caseBlock).count == 1)
        let pipe = "kubectl get pods |\n\n  grep api"
        #expect(extractCommands("bash", pipe).count == 1)
    }

    @Test func inlineTrailingCommentsStay() {
        let commands = extractCommands("bash", "echo $JWT_SECRET | wc -c  # Should be > 32")
        #expect(commands.first?.code == "echo $JWT_SECRET | wc -c  # Should be > 32")
        #expect(commands.first?.placeholders == ["JWT_SECRET"])
    }

    @Test func sqlInsideBashIsSQL() {
        let code =
            "# Check slow queries\nSELECT query, mean_time\nFROM pg_stat_statements\nLIMIT 10;\n\n# Queue\ncelery -A "
            + "api inspect active_queues"
        let commands = extractCommands("bash", code)
        #expect(commands.map(\.language) == ["sql", "bash"])
        #expect(commands.map(\.risk) == [.read, .read])
        let alter = extractCommands("bash", "# Rotate\nALTER USER forms WITH PASSWORD 'x';")
        #expect(alter.first?.language == "sql")
        #expect(alter.first?.risk == .change)
    }

    @Test func sqlBlocksSplitOnDashComments() {
        let code = "-- Find stuck\nSELECT * FROM t\nWHERE s = 'pending';\n\n-- Purge\nDELETE FROM t WHERE s = 'x';"
        let commands = extractCommands("sql", code)
        #expect(commands.map(\.title) == ["Find stuck", "Purge"])
        #expect(commands.map(\.risk) == [.read, .destructive])
        let multi = extractCommands("sql", "UPDATE t SET body = 'line one\n\nline two';")
        #expect(multi.count == 1)
    }

    @Test func manualSteps() {
        let code = """
            # OpenAI API Key
            1. Generate new key in OpenAI dashboard
            2. Update in Netlify env: OPENAI_API_KEY
            3. Don't forget to deploy

            # Database Encryption Keys
            1. Run key rotation script: npm run security:rotate-keys
            2. Verify all encrypted fields accessible
            """
        let commands = extractCommands("bash", code)
        #expect(commands.count == 2)
        #expect(commands.allSatisfy { !$0.runnable && $0.language == "manual" && !$0.interactive })
        #expect(commands.map(\.title) == ["OpenAI API Key", "Database Encryption Keys"])
        #expect(commands[0].code.hasSuffix("3. Don't forget to deploy"))
    }

    @Test func pythonShellSessionIsOneInteractiveCommand() {
        let code =
            "# Debug token issues\npython manage.py shell\nfrom x import AccessToken\ntoken = "
            + "AccessToken('e')\nprint(token.payload)"
        let commands = extractCommands("python", code)
        #expect(commands.count == 1)
        #expect(commands.first?.interactive == true)
        #expect(commands.first?.language == "python")
        #expect(commands.first?.title == "Debug token issues")
    }

    @Test func pythonIndentedBlocksStayWhole() {
        let code = "def f():\n    x = 1\n\n    return x\n\nprint(f())"
        #expect(extractCommands("python", code).count == 2)
    }

    @Test func promqlIsRead() {
        let commands = extractCommands("promql", "# Error rate\nrate(http_requests_total{status=~\"5..\"}[5m])")
        #expect(commands.first?.risk == .read)
        #expect(commands.first?.language == "promql")
    }

    @Test func crlfLineEnds() {
        let commands = extractCommands("bash", "# one\r\nkubectl get pods\r\n\r\n# two\r\nkubectl delete pod x\r\n")
        #expect(commands.map(\.code) == ["kubectl get pods", "kubectl delete pod x"])
        #expect(commands.map(\.risk) == [.read, .destructive])
    }

    @Test func replInsideShellBlock() {
        let commands = extractCommands(
            "bash", "# Inspect\npython manage.py shell\n>>> from app.models import User\n>>> User.objects.count()")
        #expect(commands.count == 1)
        #expect(commands.first?.language == "python")
        #expect(commands.first?.interactive == true)
        #expect(commands.first?.code == "python manage.py shell\nfrom app.models import User\nUser.objects.count()")
    }

    /// A watcher (`watch`, `get -w`, `logs -f`) is stopped, not typed at: the lines after it are
    /// the next commands. A client that reads the keyboard keeps the lines after it.
    @Test func aWatcherInTheMiddleOfABlockEndsItsOwnCommand() {
        let commands = extractCommands(
            "bash",
            """
            kubectl scale deploy/batch -n checkout --replicas=0
            watch -n 5 "kubectl get pods -n checkout"
            kubectl scale deploy/batch -n checkout --replicas=3
            """)
        #expect(
            commands.map(\.code) == [
                "kubectl scale deploy/batch -n checkout --replicas=0", "watch -n 5 \"kubectl get pods -n checkout\"",
                "kubectl scale deploy/batch -n checkout --replicas=3"
            ])
        #expect(commands.map(\.interactive) == [false, true, false])
        let follows = extractCommands("bash", "tail -f /var/log/a.log\nkubectl get pods -w\nkubectl get nodes")
        #expect(follows.count == 3)
        let session = extractCommands("bash", "psql -h db orders\nSELECT 1;")
        #expect(session.count == 1, "what follows a session is typed into it")
    }

    /// `w` and `last` are programs: a block of them is a command per line.
    @Test func shortProgramNamesStartTheirOwnCommands() {
        let runbook = RunbookReader.parse(text: "# Host\n\n```bash\n# Who is logged in\nw\nlast -F -n 50\n```\n")
        #expect(runbook.commands.map(\.code) == ["w", "last -F -n 50"])
    }
}
