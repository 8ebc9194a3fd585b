import ConsoleUI
import Foundation
import Testing

/// `⚠️` and `🛠️` (a symbol plus VS16) in a real terminal: tmux 3.3 draws them 1 column wide,
/// terminals that honour VS16 draw 2, and the pane border right of them must stay in its
/// column either way (the canvas gives them 2 columns; the curses backend pads).
@Suite("Wide emoji end to end (tmux)", .serialized)
struct WideEmojiEndToEndTests {
    static let ready = TerminalEndToEndTests.tmux != nil && TerminalEndToEndTests.warroom != nil

    @Test("A line with ⚠️ keeps the pane border in its column", .enabled(if: ready))
    func borderStaysAligned() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux), warroom = try #require(TerminalEndToEndTests.warroom)
        let widths = try ["⚠️", "🛠️"].map { try Self.drawnWidth(of: $0, tmux: tmux) }
        let session = try TerminalEndToEndTests.Session(tmux: tmux, command: "\(warroom) debug canvas")
        let drawn = try session.wait { $0.contains("Check replicas") && $0.contains("quit") }
        let lines = drawn.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("Check replicas") })
        #expect(lines[row].contains("⚠️"), "the emoji reached the terminal with its VS16")
        #expect(lines[row].contains("🛠️"))
        func border(_ line: String) -> Int? {
            Self.secondBorderColumn(line, widths: ["⚠️": widths[0], "🛠️": widths[1]])
        }
        let expected = try #require(border(lines[row - 1]), "the row above has the checklist's right border")
        #expect(border(lines[row]) == expected, "tmux drew ⚠️ \(widths[0]) and 🛠️ \(widths[1]) columns wide")
        #expect(border(lines[row + 1]) == expected)
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    /// The column of the second vertical border of a line (the first pane's right edge), counting
    /// `widths` for the graphemes this tmux measured and `DisplayWidth`'s rules for the rest.
    static func secondBorderColumn(_ line: String, widths: [Character: Int]) -> Int? {
        var column = 0, seen = 0
        for character in line {
            if character == "│" || character == "┃" {
                seen += 1
                if seen == 2 { return column }
            }
            column += widths[character] ?? DisplayWidth.of(character)
        }
        return nil
    }

    /// How many columns this tmux gives `text`: the cursor's move after printing it.
    static func drawnWidth(of text: String, tmux: String) throws -> Int {
        let session = try TerminalEndToEndTests.Session(tmux: tmux, command: "printf 'a\(text)'; sleep 30")
        _ = try session.wait { $0.contains("a\(text)") }
        let x = try session.run(["display-message", "-p", "-t", "t", "#{cursor_x}"])
        return (Int(x.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) - 1
    }
}
