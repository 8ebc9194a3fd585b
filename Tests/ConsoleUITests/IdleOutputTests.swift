import Foundation
import WarroomTestSupport
import Testing

/// An idle console must not repaint: only the clocks change, a few cells a second.
@Suite(
    "Idle output (pty)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct IdleOutputTests {
    @Test("Idle for 3 s, warroom demo writes under 500 bytes per second")
    func idle() throws {
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let pty = try #require(
            PseudoTerminal.start(warroom, ["demo", "--store", store]), "a pseudo-terminal for the demo")
        defer { pty.finish() }
        var output: [UInt8] = []
        let first = pty.wait(for: "quit", timeout: 15, output: &output)
        try #require(first != nil, "no frame: \(String(decoding: output.suffix(600), as: UTF8.self).debugDescription)")
        _ = pty.read(timeout: 0.3)
        let start = Date()
        var total = 0
        while Date().timeIntervalSince(start) < 3 { total += pty.read(timeout: 0.1).count }
        let perSecond = Double(total) / Date().timeIntervalSince(start)
        #expect(perSecond < 500, "idle output \(perSecond) bytes/s")
        #expect(total > 0, "the clocks should still tick")
    }
}
