import Testing
@testable import RunbookKit

@Suite("Inline code commands")
struct InlineCommandSpanTests {
    @Test(arguments: [
        ("kubectl top pods", "bash"), ("SELECT count(*) FROM pg_stat_activity;", "sql"),
        ("celery -A api purge -f", "bash"),
        ("kubectl rollout restart deployment/api", "bash"), ("$ docker ps", "bash"),
        ("./scripts/failover.sh db2", "bash"),
        ("sudo systemctl restart nginx", "bash"), ("SHOW max_connections", "sql")
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
}
