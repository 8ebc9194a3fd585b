import Testing
@testable import RunbookKit

/// From a runbook command and values to the exact process to start.
@Suite struct RunPreparerTests {
    func problem(
        _ command: RunbookCommand, values: [String: String], settings: RunnerSettings,
        environment: [String: String]
    ) -> PrepareProblem? {
        do {
            _ = try RunPreparer.prepare(command, values: values, settings: settings, environment: environment)
            return nil
        } catch { return error }
    }

    @Test func twoDeletingFlagsAskForTheFirstWritten() {
        let purgeFirst = runbookCommand("cachetool --purge-all --delete-keys prod")
        let deleteFirst = runbookCommand("cachetool --delete-keys --purge-all prod")
        #expect(RunPreparer.confirmationWord(for: purgeFirst) == "PURGE")
        #expect(RunPreparer.confirmationWord(for: deleteFirst) == "DELETE")
    }

    @Test func manualStepsCannotRun() {
        let prose = runbookCommand("Call the on-call DBA", language: "manual")
        #expect(
            problem(prose, values: [:], settings: RunnerSettings(), environment: testEnvironment)
                == .manual(commandId: 1))
        let notRunnable = runbookCommand("echo hi", runnable: false)
        #expect(
            problem(notRunnable, values: [:], settings: RunnerSettings(), environment: testEnvironment)
                == .manual(commandId: 1))
    }

    @Test func valuesComeFromTheUserThenTheEnvironment() throws {
        let command = runbookCommand("kubectl logs <pod-name> -n $NAMESPACE --since=$SINCE")
        #expect(command.placeholders == ["pod-name", "NAMESPACE", "SINCE"])
        let env = ["POD_NAME": "web-1", "NAMESPACE": "shop", "PATH": testEnvironment["PATH"] ?? ""]
        #expect(RunPreparer.known(command, environment: env) == ["pod-name": "web-1", "NAMESPACE": "shop"])
        #expect(RunPreparer.missing(command, values: [:], environment: env) == ["SINCE"])
        #expect(
            problem(command, values: [:], settings: RunnerSettings(), environment: env)
                == .missingValues(["SINCE"]))
        let run = try RunPreparer.prepare(
            command, values: ["SINCE": "10m", "NAMESPACE": "checkout"], settings: RunnerSettings(),
            environment: env)
        // #11: a value the environment gave is referred to, not pasted: it reaches the command through its environment.
        #expect(run.text == "kubectl logs \"${POD_NAME}\" -n 'checkout' --since='10m'")
        #expect(run.environment["POD_NAME"] == "web-1")
        #expect(run.values == ["pod-name": "web-1", "NAMESPACE": "checkout", "SINCE": "10m"])
        // The exact name wins over the upper-snake one.
        #expect(RunPreparer.known(command, environment: ["pod-name": "a", "POD_NAME": "b"])["pod-name"] == "a")
    }

    @Test(arguments: [
        "DB_PASSWORD", "api-key", "ROUTING_KEY", "YOUR_API_TOKEN", "apiKey", "GITHUB_TOKEN", "clientSecret",
        "AWS_SECRET_ACCESS_KEY", "PGPASSWORD", "db.pass", "slack_webhook_token", "CREDENTIALS_JSON"
    ])
    func secretNames(name: String) {
        #expect(RunPreparer.isSecret(name))
    }

    @Test(arguments: [
        "KEYSPACE", "MONKEY", "pod-name", "VERSION", "TOKENIZER_MODEL", "KEYSPACE_NAME", "DIST_ID", "PWD", "hotkeys"
    ])
    func ordinaryNames(name: String) {
        #expect(!RunPreparer.isSecret(name))
    }

    @Test func secretsAreMasked() throws {
        let command = runbookCommand("curl -H \"Authorization: Bearer $API_TOKEN\" https://x/<path>")
        let run = try RunPreparer.prepare(
            command, values: ["API_TOKEN": "s3cr3t", "path": "health"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(run.secretNames == ["API_TOKEN"])
        #expect(run.maskedValues == ["API_TOKEN": "••••••", "path": "health"])
    }

    @Test(arguments: [
        ("redis-cli FLUSHDB", "bash", "FLUSHDB"), ("FLUSHALL", "redis", "FLUSHALL"),
        ("kubectl delete pod x", "bash", "DELETE"), ("DROP TABLE t;", "sql", "DROP"),
        ("WITH old AS (SELECT id FROM t) DELETE FROM t USING old", "sql", "DELETE"),
        ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", "sql", "PG_TERMINATE_BACKEND"),
        ("rm -rf /var/cache/app", "bash", "RM"), ("terraform destroy -auto-approve", "bash", "DESTROY"),
        ("cd infra && terraform destroy", "bash", "DESTROY"), ("rsync -a --delete src/ dst/", "bash", "DELETE"),
        ("git push --force origin main", "bash", "PUSH"), ("./scripts/wipe-cache.sh", "bash", "WIPE"),
        ("dd if=/dev/zero of=/dev/sdb", "bash", "DD"), ("User.objects.filter(x=1).delete()", "python", "DELETE"),
        ("celery -A app purge -f", "bash", "PURGE")
    ])
    func confirmationWordIsTheDestructiveWord(code: String, language: String, word: String) {
        let command = runbookCommand(code, language: language)
        #expect(command.risk == .destructive, "\(command.riskReason)")
        #expect(RunPreparer.confirmationWord(for: command) == word, "\(command.riskReason)")
        #expect(code.uppercased().contains(word))
    }

    @Test func confirmationFallsBackToTheProgramName() {
        #expect(ConfirmationWord.programName(code: "sudo-less-tool --now", language: "bash") == "SUDO-LESS-TOOL")
        #expect(ConfirmationWord.programName(code: "/opt/bin/nuke-it all", language: "bash") == "NUKE-IT")
        #expect(ConfirmationWord.programName(code: "  vacuum full;", language: "sql") == "VACUUM")
    }

    @Test func aValueCanMakeACommandDestructive() throws {
        let command = runbookCommand("kubectl <verb> pod web-1")
        #expect(command.risk != .destructive)
        let run = try RunPreparer.prepare(
            command, values: ["verb": "delete"], settings: RunnerSettings(), environment: testEnvironment)
        #expect(run.risk == .destructive)
        #expect(run.confirmationWord == "DELETE")
        let read = try RunPreparer.prepare(
            command, values: ["verb": "get"], settings: RunnerSettings(), environment: testEnvironment)
        #expect(read.confirmationWord == nil)
    }

    @Test func shellRunsWithBashFromPath() throws {
        let command = runbookCommand("echo <x>")
        let run = try RunPreparer.prepare(
            command, values: ["x": "1"], settings: RunnerSettings(), environment: testEnvironment)
        #expect(run.executable.hasSuffix("/bash") && run.executable.hasPrefix("/"))
        #expect(run.arguments == ["-c", "echo '1'"] && run.input == nil && run.runnerName == "bash")
        let sh = runbookCommand("echo hi", language: "sh")
        #expect(
            try RunPreparer.prepare(sh, values: [:], settings: RunnerSettings(), environment: testEnvironment)
                .executable == "/bin/sh")
        #expect(
            problem(command, values: ["x": "1"], settings: RunnerSettings(), environment: ["PATH": "/nonexistent"])
                == .runnerNotFound(language: "bash", program: "bash"))
    }

    @Test func configuredRunnersReadTheCodeOnStdin() throws {
        var settings = RunnerSettings()
        settings.environment = ["A": "settings", "B": "settings"]
        settings.workingDirectory = "/tmp"
        settings.timeout = 30
        settings.silentAfter = 5
        settings.runners["sql"] = RunnerSettings.Runner(
            commandLine: "PGOPTIONS=-c sqlite3", workingDirectory: "/var/tmp",
            environment: ["B": "runner"])
        let command = runbookCommand("SELECT * FROM t WHERE id = <id>;", language: "sql", interactive: false)
        let run = try RunPreparer.prepare(
            command, values: ["id": "7"], settings: settings, environment: testEnvironment,
            interactive: true)
        #expect(run.executable == "/bin/sh" && run.arguments == ["-c", "PGOPTIONS=-c sqlite3"])
        #expect(run.input == "SELECT * FROM t WHERE id = 7;")
        #expect(run.runnerName == "PGOPTIONS=-c sqlite3")
        #expect(run.environment == ["A": "settings", "B": "runner"])
        #expect(run.workingDirectory == "/var/tmp")
        #expect(run.timeout == 30 && run.silentAfter == 5 && run.interactive)
    }

    @Test func missingRunnersSayWhatToAdd() {
        let sql = runbookCommand("SELECT 1;", language: "sql")
        let noRunner = problem(sql, values: [:], settings: RunnerSettings(), environment: testEnvironment)
        #expect(noRunner == .noRunner(language: "sql"))
        let redis = runbookCommand("GET <key>", language: "redis")
        #expect(
            problem(redis, values: ["key": "k"], settings: RunnerSettings(), environment: testEnvironment)
                == .noRunner(language: "redis"))
        #expect(
            noRunner?.description.contains("runners:\n    sql: psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f -") == true)
        // PowerShell is never run by bash, nor its values quoted as POSIX shell.
        let cmdlet = runbookCommand("Restart-WebAppPool -Name <pool>", language: "powershell")
        #expect(
            problem(cmdlet, values: ["pool": "Shop"], settings: RunnerSettings(), environment: testEnvironment)
                == .noRunner(language: "powershell"))
        var settings = RunnerSettings()
        settings.runners["sql"] = RunnerSettings.Runner(commandLine: "env -i LANG=C no-such-sql-client-xyz -f -")
        #expect(
            problem(sql, values: [:], settings: settings, environment: testEnvironment)
                == .runnerNotFound(language: "sql", program: "no-such-sql-client-xyz"))
        #expect(RunnerResolution.programWord("FOO=1 BAR='a b' env -u X psql -f -") == "psql")
        #expect(RunnerResolution.programWord("/usr/bin/python3 -") == "/usr/bin/python3")
    }
}
