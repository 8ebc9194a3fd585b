import Foundation
import Testing
@testable import IncidentKit

/// The CLI end to end on a temporary store.
@Suite("CLI", .enabled(if: WarroomBinary.url != nil, "warroom binary not built"))
struct CLITests {
    let store = TempStore()

    func warroom(_ args: String..., stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try WarroomBinary.run(args + ["--store", store.directory.path], stdin: stdin)
    }

    @Test func incidentLifecycle() throws {
        let opened = try warroom("incident", "open", "--title", "API down", "--severity", "sev-1")
        #expect(opened.status == 0)
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("INC-"))
        #expect(try warroom("incident", "set", "--role", "commander=alice", "--status", "identified").status == 0)
        #expect(try warroom("note", "-", stdin: "TODO: add an alert\n").status == 0)
        #expect(try warroom("milestone", id, "acknowledged", "mitigated").status == 0)
        let timeline = try warroom("timeline", id, "--json")
        let kinds = timeline.out.split(separator: "\n").map { line -> String in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["kind"] as? String ?? "?"
        }
        #expect(kinds == ["opened", "status_changed", "role_assigned", "note", "milestone", "milestone"])
        let notes = try warroom("timeline", "--kind", "note", "--since", "10m")
        #expect(notes.out.contains("TODO: add an alert"))
        let show = try warroom("incident", "show", id, "--json")
        #expect(show.out.contains("\"commander\" : \"alice\""))
        let postmortem = try warroom("postmortem", id)
        #expect(postmortem.out.contains("# Postmortem: API down"))
        #expect(postmortem.out.contains("- [ ] #4 add an alert — no owner"))
        #expect(try warroom("milestone", "resolved").status == 0)
        #expect(try warroom("incident", "list").out.contains("No open incidents."))
        #expect(try warroom("incident", "list", "--all").out.contains(id))
        // Readers fall back to the newest incident once none is open.
        #expect(try warroom("postmortem").out.contains("| Status | resolved |"))
    }

    @Test func customTemplateAndOutputFile() throws {
        _ = try warroom("incident", "open", "--title", "Disk full", "--severity", "P2")
        let template = store.directory.appendingPathComponent("pm.mustache")
        try "{{title}} / {{severity}} / {{timeToAcknowledge}}\n".write(to: template, atomically: true, encoding: .utf8)
        let out = store.directory.appendingPathComponent("pm.md")
        #expect(try warroom("postmortem", "--template", template.path, "-o", out.path).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == "Disk full / P2 / —\n")
    }

    @Test func notADatabaseIsNamedAndUntouched() throws {
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        let db = store.location.databaseURL
        try "not a database".write(to: db, atomically: true, encoding: .utf8)
        let result = try warroom("incident", "list")
        #expect(result.status != 0)
        #expect(result.err.contains(db.path) && result.err.contains("not a warroom store database"))
        #expect(try String(contentsOf: db, encoding: .utf8) == "not a database")
    }

    @Test func errorsAreClearAndNonZero() throws {
        let none = try warroom("note", "hello")
        #expect(none.status != 0 && none.err.contains("no open incident"))
        _ = try warroom("incident", "open", "--title", "t")
        let severity = try warroom("incident", "set", "--severity", "SEV9")
        #expect(severity.status != 0 && severity.err.contains("valid: SEV1, SEV2"))
        let status = try warroom("incident", "set", "--status", "done")
        #expect(status.status != 0 && status.err.contains("triage, investigating, identified, monitoring, resolved"))
        let unknown = try warroom("timeline", "INC-20000101-9")
        #expect(unknown.status != 0 && unknown.err.contains("unknown incident INC-20000101-9; known: INC-"))
    }

    @Test func followPrintsEventsFromAnotherWriter() throws {
        let id = try warroom("incident", "open", "--title", "t").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = WarroomBinary.url
        process.arguments = ["timeline", id, "--follow", "--json", "--store", store.directory.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var seen = Data()
        func waitFor(_ text: String) -> Bool {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                if String(decoding: seen, as: UTF8.self).contains(text) { return true }
                seen.append(out.fileHandleForReading.availableData)
            }
            return false
        }
        #expect(waitFor("\"opened\""))
        #expect(try warroom("note", "--incident", id, "second", "screen").status == 0)
        #expect(waitFor("second screen"))
    }
}
