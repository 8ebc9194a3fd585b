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

    /// A dry run shows the command that would run with its control characters written out: a
    /// value's escape sequence can neither hide a part of the command nor fake another.
    @Test func aDryRunShowsControlCharactersInAValue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-ctl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("r.md")
        try "# R\n\n```bash\necho \"<msg>\"\n```\n".write(to: runbook, atomically: true, encoding: .utf8)
        let result = try WarroomBinary.run([
            "exec", runbook.path, "1", "--set", "msg=a\u{1B}[2K\rb", "--dry-run", "--store", folder.path + "/store"
        ])
        #expect(!result.err.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D }, "\(result.err)")
        #expect(result.err.contains("\\u{1B}[2K\\u{D}b"), "\(result.err)")
    }
}
