import Foundation
import Testing
import WarroomTestSupport

/// #11 item 6: text commands print recorded text without terminal control sequences — a note
/// cannot retitle the scribe's window or rewrite their screen.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct ControlSequenceTests {
    @Test func timelineListAndPostmortemStripSequences() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-ctl-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: store) }
        let hostile = "a\u{1B}]0;pwned\u{07}b\u{1B}[2J\u{1B}[31mc\u{9B}1Ad\u{08}e"
        let opened = try WarroomBinary.run(["incident", "open", "--title", "T" + hostile, "--store", store])
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try WarroomBinary.run(["note", "--incident", id, "N" + hostile, "--store", store]).status == 0)
        for arguments in [["timeline", id], ["incident", "list"], ["postmortem", id], ["incident", "show", id]] {
            let out = try WarroomBinary.run(arguments + ["--store", store]).out
            #expect(
                !out.unicodeScalars.contains {
                    $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x08
                },
                "\(arguments)")
            #expect(out.contains("abcde"), "\(arguments): \(out)")
        }
    }
}
