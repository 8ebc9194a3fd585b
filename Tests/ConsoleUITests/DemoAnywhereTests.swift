import Foundation
import Testing

/// `warroom demo` started from a folder far from the source tree still has its runbook and its
/// `warroom.yaml` (carried in the binary): the metric bindings give the metrics pane live values.
@Suite(
    "Demo from any folder (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.tmux != nil && TerminalEndToEndTests.warroom != nil, "tmux or warroom missing"))
struct DemoAnywhereTests {
    @Test func demoFromTmpUsesTheEmbeddedConfig() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux), warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let session = try TerminalEndToEndTests.Session(
            tmux: tmux,
            command: "sh -c 'cd / && exec \(warroom) demo --store \(store) --log \(store)/debug.log'")
        // `Retry Queue Depth` is bound to `command: echo 42` in examples/warroom.yaml.
        let screen = try session.wait { $0.contains("Retry Queue Depth 42") }
        #expect(screen.contains("Retry Queue Depth 42"), "\(screen)")
        #expect(screen.contains("Load average") || screen.contains("Load Average"))
        try session.keys("q")
        let after = try session.wait { $0.contains("WARROOM-EXIT-") }
        #expect(after.contains("WARROOM-EXIT-0"), "\(after)")
        let written = try String(contentsOfFile: store + "/demo/warroom.yaml", encoding: .utf8)
        let example = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../examples/warroom.yaml").standardizedFileURL, encoding: .utf8)
        #expect(written == example)
        // The debug log has the console's start, its metric plan and its end.
        let log = try String(contentsOfFile: store + "/debug.log", encoding: .utf8)
        #expect(log.contains("info warroom.console: start"), "\(log)")
        #expect(log.contains("debug warroom.metrics: bound metric=Retry Queue Depth source=command: echo 42"))
        #expect(log.contains("info warroom.console: end"))
    }

    /// The demo writes its files behind its first frame: when it cannot, the terminal is given
    /// back before the error is told, and the exit status says so.
    @Test func aStoreThatCannotBeWrittenIsToldAfterTheFrame() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux), warroom = try #require(TerminalEndToEndTests.warroom)
        let folder = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/not-a-folder"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let session = try TerminalEndToEndTests.Session(tmux: tmux, command: "\(warroom) demo --store \(file)")
        let after = try session.wait { $0.contains("WARROOM-EXIT-") }
        #expect(after.contains("warroom: cannot write the demo files"), "\(after)")
        #expect(after.contains("WARROOM-EXIT-1"), "\(after)")
    }
}
