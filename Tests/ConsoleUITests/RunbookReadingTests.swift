import ConsoleUI
import Foundation
import Testing

/// `warroom open` on an existing incident draws its first frame before the runbooks are read:
/// the timeline shows at once, the runbook's panes say they are reading, then fill in.
@Suite("Runbooks read behind the first frame")
struct RunbookReadingTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    @Test("panes say reading until .runbooksRead; the checklist then resumes at the first open item")
    func readingThenRead() {
        var state = AppFixture.state()
        state.runbooks = []
        state.readingRunbooks = true
        let first = AppFixture.runbook.checklists[0]
        let key = ItemRef.key(checklist: first.title, index: 0)
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "opened", "Checkout failing", at: 0),
                AppFixture.event(2, "item_ticked", first.items[0].text, .ticked(key), at: 30)
            ]))
        AppUpdate.resume(&state)
        var text = AppView.render(state, palette: palette).lines.joined(separator: "\n")
        #expect(text.contains("reading runbook…"))
        #expect(text.contains("bob done      Confirm the alert"))
        #expect(!text.contains("Roll back"))
        #expect(text.contains("q  quit"))

        _ = AppUpdate.update(&state, .runbooksRead([AppFixture.runbook]))
        text = AppView.render(state, palette: palette).lines.joined(separator: "\n")
        #expect(!text.contains("reading runbook…"))
        #expect(text.contains("Checklist 1/3") && text.contains("[x] Confirm the alert"))
        #expect(text.contains("kubectl rollout undo deploy/api"))
        #expect(state.selected(.checklist) == 1)
    }
}
