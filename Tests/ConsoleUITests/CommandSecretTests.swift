import ConsoleUI
import Testing
@testable import RunbookKit

/// A secret written in a runbook's command (a bearer token in a `curl`) is never shown on screen:
/// the commands pane and its code show it masked; a run still sends what is written.
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
}
