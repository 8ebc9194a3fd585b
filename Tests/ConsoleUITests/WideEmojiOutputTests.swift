import Foundation
import WarroomTestSupport
import Testing

/// The bytes the console sends for `⚠️` and `🛠️`: each is drawn at an absolute position and
/// followed by restore-cursor, so what comes next does not depend on the width the terminal gave
/// it (tmux 3.3 and xterm draw 1 column, VS16-aware terminals 2). A tmux of either kind would show
/// only its own half of that; the byte stream shows both.
@Suite("Wide emoji output (pty)", .serialized)
struct WideEmojiOutputTests {
    @Test(
        "⚠️ and 🛠️ are written at an absolute position, between save and restore cursor",
        .enabled(if: TerminalEndToEndTests.warroom != nil))
    func positionedAbsolutely() throws {
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let pty = try #require(PseudoTerminal.start(warroom, ["debug", "canvas"]))
        defer { pty.finish() }
        var bytes: [UInt8] = []
        // The frame ends with the footer; the overlays (ending in restore-cursor) follow it.
        try #require(pty.wait(for: "quit", timeout: 15, output: &bytes) != nil)
        _ = pty.wait(for: "\u{1B}8", timeout: 5, output: &bytes)
        bytes += pty.read(timeout: 0.3)
        let output = String(decoding: bytes, as: UTF8.self)
        for emoji in ["⚠️", "🛠️"] {
            let pieces = output.components(separatedBy: emoji)
            try #require(pieces.count > 1, "\(emoji) was written: …\(output.suffix(300).debugDescription)")
            for (before, after) in zip(pieces.dropLast(), pieces.dropFirst()) {
                #expect(
                    before.range(of: #"\x1B\[\d+;\d+H$"#, options: .regularExpression) != nil,
                    "\(emoji) right after a cursor position: …\(before.suffix(20).debugDescription)")
                #expect(
                    after.hasPrefix("\u{1B}8")
                        || after.range(
                            of: #"^(\x1B\[[0-9;]*m)*\x1B\[\d+;\d+H"#,
                            options: .regularExpression) != nil,
                    "after \(emoji): restore cursor or the next absolute position, not text: \(after.prefix(20).debugDescription)"
                )
            }
        }
    }
}
