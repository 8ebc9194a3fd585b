import Testing
@testable import RunbookKit

@Suite("Inline code commands")
struct InlineCommandSpanTests {
    @Test(arguments: [
        ("kubectl top pods", "bash"), ("SELECT count(*) FROM pg_stat_activity;", "sql"),
        ("celery -A api purge -f", "bash"),
        ("kubectl rollout restart deployment/api", "bash"), ("$ docker ps", "bash"),
        ("./scripts/failover.sh db2", "bash"),
        ("sudo systemctl restart nginx", "bash"), ("SHOW max_connections", "sql"),
        // A SQL keyword that is also a program, a no-op emptying a file, an answering program.
        ("truncate -s 0 /var/lib/app/state.db", "bash"), (": > /var/lib/app/state.db", "bash"),
        ("yes | sudo apt-get purge postgresql-15", "bash")
    ])
    func commands(span: String, language: String) {
        let command = CommandExtraction.inlineCommand(span, line: 7)
        #expect(command?.language == language)
        #expect(command?.line == 7)
        #expect(command?.origin == .inline)
        #expect(command?.runnable == true)
    }

    @Test(arguments: [
        "OPENAI_API_KEY", "/etc/nginx.conf", "--replicas", "kubectl", "Check the logs", "status = 'failed'",
        "select a plan", "", "   ", "<pod-name>", "update the docs", "v1.2.3 released"
    ])
    func notCommands(span: String) {
        #expect(CommandExtraction.inlineCommand(span, line: 1) == nil)
    }

    @Test func inlineRiskAndPlaceholders() {
        let purge = CommandExtraction.inlineCommand("celery -A api purge -f", line: 1)
        #expect(purge?.risk == .destructive)
        let kill = CommandExtraction.inlineCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle';", line: 1)
        #expect(kill?.risk == .destructive)
        let logs = CommandExtraction.inlineCommand("kubectl logs <pod-name>", line: 1)
        #expect(logs?.placeholders == ["pod-name"])
        #expect(logs?.risk == .read)
    }

    /// What someone did (a timeline's "executed", "was issued"), what is banned where a line of the
    /// paragraph starts ("DON'T `…`"), and what to use something instead of: shown, never offered.
    @Test func commandsTellingWhatWasDoneOrBannedAreExamples() throws {
        let runbook = try Paths.fixtureRunbook("structures/commands-as-history.md")
        let example = Dictionary(
            runbook.commands.map { ($0.code, $0.origin == .example) }, uniquingKeysWith: { a, _ in a })
        #expect(example["kubectl delete deploy payments-api -n payments"] == true)
        #expect(example["DROP TABLE payments_tmp;"] == true)
        #expect(example["iptables -F"] == true)
        #expect(example["kubectl delete pod x"] == true)
        #expect(example["kubectl rollout restart deploy/x"] == false, "what to run instead is a step")
        #expect(example["kubectl rollout restart deploy/y"] == false)
        #expect(example["iptables -D INPUT -s 203.0.113.7 -j DROP"] == false)
        #expect(runbook.commands.filter { $0.origin == .example }.allSatisfy { !$0.runnable })
    }

    /// A command in a paragraph is on the line it is written on, not on the paragraph's first.
    @Test func aSpanOnALaterLineOfAParagraphKeepsItsLine() {
        let runbook = RunbookReader.parse(
            text: "# W\n\nsome notes\ncheck `journalctl -u gw --since today`\nthen *run `ss -s`* too\n")
        #expect(runbook.commands.map(\.line) == [4, 5])
    }
}
