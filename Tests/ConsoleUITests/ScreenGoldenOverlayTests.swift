import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// The console's other main states as whole screens: the demo's first frame, help, the palette,
/// a run's preview and the output viewer (`UPDATE_GOLDEN=1` rewrites the files; review the diff).
@Suite("Screens of the main states (golden files)")
struct ScreenGoldenOverlayTests {
    /// The demo's runbook (the file the binary embeds) in a freshly opened incident.
    @Test func demoFirstFrameAt120x40() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../examples/payments-api.md").standardizedFileURL.path
        var state = AppFixture.state(width: 120, height: 40)
        state.runbooks = [try RunbookReader.read(file: examples)]
        _ = AppUpdate.update(
            &state, .journalEvents([AppFixture.event(1, "opened", "Demo: payments checkout failing", at: 0)]))
        AppUpdate.resume(&state)
        try ScreenGolden.expect(state, matches: "demo-120x40")
    }

    @Test func helpAt120x40() throws {
        var state = ScreenGoldenTests.room(width: 120, height: 40)
        AppFixture.press([.char("?")], &state)
        try ScreenGolden.expect(state, matches: "help-120x40")
    }

    @Test func paletteWithCompletionsAt120x40() throws {
        var state = ScreenGoldenTests.room(width: 120, height: 40)
        AppFixture.press([.char(":"), .char("s"), .char("e")], &state)
        try ScreenGolden.expect(state, matches: "palette-120x40")
    }

    @Test func runPreviewAt120x40() throws {
        var state = RunFixture.state()
        RunFixture.select(3, &state)
        AppFixture.press([.enter] + RunFixture.type("s3cr3t") + [.tab] + RunFixture.type("api-7f9") + [.enter], &state)
        guard case .run(.preview) = state.overlays.last else {
            Issue.record("the preview did not open")
            return
        }
        try ScreenGolden.expect(state, matches: "preview-120x40")
    }

    @Test func outputViewerAt120x40() throws {
        try ScreenGolden.expect(OutputViewerTests.viewing(40), matches: "viewer-120x40")
    }
}
