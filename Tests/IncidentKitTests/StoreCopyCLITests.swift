import Foundation
import Testing

/// `warroom store copy` end to end: SQLite → PostgreSQL → SQLite gives the same postmortem, a second
/// copy does nothing, `--incident` picks one, an incident that differs at TO is refused.
@Suite("store copy CLI", .enabled(if: WarroomBinary.url != nil, "warroom binary not built"))
struct StoreCopyCLITests {
    let base = TempStore()
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = base.directory.appendingPathComponent("xdg").path
        environment["WARROOM_STORE"] = nil
        environment["WARROOM_AUTHOR"] = "alice"
        return environment
    }

    func store(_ name: String) -> String { base.directory.appendingPathComponent(name).path }

    @discardableResult
    func warroom(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
        try WarroomBinary.run(arguments, environment: environment)
    }

    /// An incident in store `a` with a note, a recorded run (an output file) and its resolution.
    func incidentWithARun(in store: String, title: String) throws -> String {
        try FileManager.default.createDirectory(at: base.directory, withIntermediateDirectories: true)
        let runbook = base.directory.appendingPathComponent("runbook.md").path
        try "# Disk full\n\nCheck the disk:\n\n```bash\necho disk at 97%\n```\n"
            .write(toFile: runbook, atomically: true, encoding: .utf8)
        let opened = try warroom(
            "incident", "open", "--title", title, "--severity", "SEV2", "--runbook", runbook,
            "--store", store)
        #expect(opened.status == 0, "\(opened.err)")
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try warroom("note", "--incident", id, "freed 20 GB", "--store", store).status == 0)
        let run = try warroom("exec", runbook, "1", "--incident", id, "--store", store)
        #expect(run.status == 0 && run.out.contains("disk at 97%"), "\(run.err)")
        #expect(try warroom("milestone", id, "resolved", "--store", store).status == 0)
        return id
    }

    @Test(
        .enabled(if: PostgresTestServer.url != nil, "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a server)"))
    func sqliteToPostgresAndBackGivesTheSamePostmortem() throws {
        let id = try incidentWithARun(in: store("a"), title: "Disk full on db-1")
        let server = try PostgresTestServer.createDatabase()
        let there = try warroom("store", "copy", store("a"), server)
        #expect(there.status == 0, "\(there.err)")
        let line = try #require(there.out.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("copied \(id) : 5 events, 1 output files, sha256 "))
        let hashes = line.components(separatedBy: "sha256 ")[1].components(separatedBy: " = ")
        #expect(hashes.count == 2 && hashes[0] == hashes[1])
        #expect(there.out.contains("1 copied, 0 already there"))

        let back = try warroom("store", "copy", server, store("c"))
        #expect(back.status == 0, "\(back.err)")
        #expect(back.out.contains("copied \(id) : 5 events, 1 output files, sha256 \(hashes[0])"))
        let original = try warroom("postmortem", id, "--store", store("a"))
        let returned = try warroom("postmortem", id, "--store", store("c"))
        #expect(original.status == 0 && original.out.contains("disk at 97%"))
        #expect(returned.out == original.out)

        let again = try warroom("store", "copy", store("a"), server)
        #expect(again.status == 0)
        #expect(again.out.contains("already there, identical: \(id) : 5 events, 1 output files"))
        #expect(again.out.contains("0 copied, 1 already there"))
    }

    @Test func oneIncidentAndARefusedConflict() throws {
        let first = try incidentWithARun(in: store("a"), title: "Disk full on db-1")
        let second = try incidentWithARun(in: store("a"), title: "Disk full on db-2")
        let one = try warroom("store", "copy", store("a"), store("c"), "--incident", second)
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.contains("copied \(second) : 5 events") && !one.out.contains(first))
        #expect(try warroom("incident", "list", "--all", "--store", store("c")).out.contains(second))

        // Another store whose own first incident of the day has the same id, other content.
        let other = try incidentWithARun(in: store("d"), title: "Something else")
        #expect(other == first)
        let refused = try warroom("store", "copy", store("d"), store("a"), "--incident", other)
        #expect(refused.status == 1)
        #expect(
            refused.err.contains("already has \(first) with other content") && refused.err.contains("not overwritten"))
        let missing = try warroom("store", "copy", store("nowhere"), store("a"))
        #expect(missing.status == 1 && missing.err.contains("no journal here to copy from"))
    }
}
