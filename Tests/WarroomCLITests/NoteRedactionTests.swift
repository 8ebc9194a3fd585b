import Foundation
import Testing
import WarroomTestSupport

/// #11: `redact:` from warroom.yaml applies to every writer of a store: once a config has been
/// used with the store (exec here), `warroom note` redacts its patterns too.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct NoteRedactionTests {
    @Test func noteUsesTheConfigsPatterns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-noteredact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("runbook.md").path
        try "# R\n\nSay:\n\n```bash\necho hi\n```\n".write(toFile: runbook, atomically: true, encoding: .utf8)
        try "redact:\n  - 'employee-[0-9]{6}'\n".write(
            to: folder.appendingPathComponent("warroom.yaml"), atomically: true,
            encoding: .utf8)
        let store = folder.appendingPathComponent("store").path
        let id = try WarroomBinary.run(["incident", "open", "--title", "R", "--store", store]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try WarroomBinary.run(["exec", runbook, "1", "--incident", id, "--store", store]).status == 0)
        #expect(
            try WarroomBinary.run(["note", "--incident", id, "badge employee-123456 used", "--store", store]).status
                == 0)
        let timeline = try WarroomBinary.run(["timeline", id, "--store", store]).out
        #expect(timeline.contains("badge [REDACTED] used") && !timeline.contains("123456"), "\(timeline)")
    }
}
