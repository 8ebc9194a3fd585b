import ConsoleUI
import Testing
@testable import RunbookKit

/// A secret written in a runbook's command (a bearer token in a `curl`) or step is never shown on
/// screen: the commands pane, its code and the checklist show it masked; a run still sends what
/// is written.
struct CommandSecretTests {
    @Test func aTokenInACommandIsShownMasked() {
        var state = AppChooserTests.state()
        state.runbooks.append(
            Runbook(
                title: "API", source: "api.md",
                commands: [
                    RunbookCommand(
                        id: 1, title: nil, language: "bash",
                        code: "curl -s -H 'Authorization: Bearer sk_live_51HxQ2aBcDeFgHiJkLmNoPq' https://api",
                        section: "API > Check", line: 5, placeholders: [], risk: .read, riskReason: "read",
                        runnable: true)
                ]))
        AppFixture.press([.tab, .tab, .char("/")] + "curl".map { .char($0) } + [.enter], &state)
        let text = AppChooserTests.screen(state)
        #expect(text.contains("Bearer [REDACTED]"))
        #expect(!text.contains("sk_live"))
    }

    @Test func aTokenInAStepIsShownMasked() {
        var state = ProcedureStepsTests.state(severity: "P1")
        state.runbooks[0].procedures[0].steps[0].text = "Revoke the leaked token ghp_R4nd0mT0k3nV4lu3Th4tW4sL34k3d00001"
        let text = ProcedureStepsTests.screen(state)
        #expect(text.contains("Revoke the leaked token [REDACTED]"))
        #expect(!text.contains("ghp_R4nd0m"))
    }
}
