import Foundation
import GRDB
import RunbookKit
import Testing
@testable import IncidentKit

@Suite("Journal")
struct JournalTests {
    let store = TempStore()
    let clock = TestClock("2026-11-22T10:00:00Z")

    func journal(_ engine: JournalEngine = .sqlite) throws -> any Journal {
        try engine.open(store, clock: clock.function)
    }

    @Test(arguments: JournalEngine.testable)
    func opensIncidentsWithDailyIds(engine: JournalEngine) throws {
        let journal = try journal(engine)
        let a = try journal.openIncident(title: "API down", severity: "SEV1", author: "alice@bastion")
        let b = try journal.openIncident(title: "Disk full", severity: "P2", author: "bob@bastion")
        clock.set("2026-11-23T00:00:01Z")
        let c = try journal.openIncident(title: "Next day", severity: "SEV3", author: "bob@bastion")
        #expect([a.id, b.id, c.id] == ["INC-20261122-1", "INC-20261122-2", "INC-20261123-1"])
        #expect(try journal.incidents().map(\.id) == [c.id, b.id, a.id])
        #expect(try journal.incident(orNewestOpen: nil).id == c.id)
        let opened = try journal.events(incident: a.id)
        #expect(opened.map(\.kind) == [.opened])
        #expect(opened[0].payload(as: OpenedPayload.self)?.title == "API down")
    }

    @Test func durablePragmas() throws {
        let journal = try SQLiteJournal(location: store.location, clock: clock.function)
        let (mode, synchronous, timeout) = try journal.queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(mode == "wal")
        #expect(synchronous == 2) // FULL, once the new store's schema is written (NORMAL until then)
        #expect(timeout == 5000)
        let reopened = try SQLiteJournal(location: store.location, clock: clock.function)
        #expect(try reopened.queue.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func storeFilesArePrivate() throws {
        let journal = try SQLiteJournal(location: store.location, clock: clock.function)
        let incident = try journal.openIncident(title: "t", severity: "SEV2", author: "a")
        let path = try journal.writeOutput("line\n", incident: incident.id, event: 1)
        func mode(_ url: URL) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue
        }
        #expect(try mode(store.directory) == 0o700)
        #expect(try mode(store.location.databaseURL) == 0o600)
        #expect(try mode(store.directory.appendingPathComponent(path)) == 0o600)
        #expect(try mode(store.location.outputsURL.appendingPathComponent(incident.id)) == 0o700)
        #expect(path == "outputs/\(incident.id)/1.log")
    }

    @Test(arguments: JournalEngine.testable)
    func stateChangesAreEventsAndUpdateTheIncident(engine: JournalEngine) throws {
        let journal = try journal(engine)
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "a").id
        try journal.setSeverity("sev-1", rules: SeverityRules(runbook: nil), on: id, author: "a")
        try journal.setStatus(.identified, on: id, author: "a")
        try journal.assignRole("Commander", to: "alice", on: id, author: "a")
        clock.advance(60)
        try journal.append(MilestonePayload(milestone: .resolved), to: id, author: "a")
        let incident = try journal.incident(id)
        #expect(incident.severity == "SEV1")
        #expect(incident.status == .resolved)
        #expect(incident.roles == ["commander": "alice"])
        #expect(incident.resolvedAt == TestClock.date("2026-11-22T10:01:00Z"))
        #expect(try journal.incidents(includeResolved: false).isEmpty)
        #expect(throws: JournalError.noOpenIncident) { try journal.incident(orNewestOpen: nil) }
        let kinds = try journal.events(incident: id).map(\.kind)
        #expect(kinds == [.opened, .severityChanged, .statusChanged, .roleAssigned, .milestone])
    }

    @Test(arguments: JournalEngine.testable)
    func filtersByKindAndTime(engine: JournalEngine) throws {
        let journal = try journal(engine)
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "a").id
        clock.advance(600)
        try journal.append(NotePayload(text: "later"), to: id, author: "a")
        try journal.append(
            .metricBreached, MetricPayload(metric: "errors", value: 7, threshold: 5, level: "critical"),
            to: id, author: "a")
        #expect(try journal.events(incident: id, kinds: [.note]).map(\.kind) == [.note])
        #expect(try journal.events(incident: id, since: clock.now.addingTimeInterval(-1)).count == 2)
        #expect(try journal.events(incident: id, after: 2).map(\.id) == [3])
    }

    @Test(arguments: JournalEngine.testable)
    func payloadsAreRedactedBeforeStorage(engine: JournalEngine) throws {
        let journal = try journal(engine)
        let id = try journal.openIncident(title: "leak DB_PASSWORD=hunter2", severity: "SEV3", author: "a").id
        let finished = CommandFinishedPayload(
            command: "mysql --password=hunter2", exitStatus: nil, signal: 9,
            durationMs: 1200, tail: ["token ghp_1234567890abcdefghijABCDEFGHIJ123456"])
        let event = try journal.append(finished, to: id, author: "a")
        #expect(try !rawStorage(engine).contains("hunter2"))
        #expect(!event.payloadJSON.contains("ghp_"))
        // The redaction round trip keeps nulls, booleans and numbers as they were.
        #expect(event.payloadJSON.contains("\"exitStatus\":null"))
        #expect(event.payloadJSON.contains("\"dryRun\":false"))
        #expect(event.payloadJSON.contains("\"durationMs\":1200"))
        #expect(event.payloadJSON.contains("\"signal\":9"))
        #expect(try journal.incident(id).title == "leak DB_PASSWORD=[REDACTED]")
        let output = try journal.writeOutput("password=hunter2\nok\n", incident: id, event: event.id)
        let text = try String(contentsOf: store.directory.appendingPathComponent(output), encoding: .utf8)
        #expect(text == "password=[REDACTED]\nok\n")
    }

    @Test(arguments: JournalEngine.testable)
    func commandOutputGoesBesideTheDatabase(engine: JournalEngine) throws {
        let journal = try journal(engine)
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "a").id
        let started = try journal.append(CommandStartedPayload(command: "psql -c 'select 1'"), to: id, author: "a")
        let output = (1...15).map { "line \($0)" }.joined(separator: "\n") + "\nDB_PASSWORD=hunter2\n"
        let finished = try journal.recordCommandFinished(
            started: started, command: "psql -c 'select 1'", exitStatus: 0,
            durationMs: 40, output: output, tailLines: 3, author: "a")
        let payload = try #require(finished.payload(as: CommandFinishedPayload.self))
        #expect(payload.output == "outputs/\(id)/\(started.id).log")
        #expect(payload.tail == ["line 14", "line 15", "DB_PASSWORD=[REDACTED]"])
        let file = try String(contentsOf: store.directory.appendingPathComponent(payload.output!), encoding: .utf8)
        #expect(file.hasPrefix("line 1\n") && file.hasSuffix("DB_PASSWORD=[REDACTED]\n"))
    }

    @Test(arguments: JournalEngine.testable)
    func jsonLineHasTheDocumentedShape(engine: JournalEngine) throws {
        let journal = try journal(engine)
        clock.set("2026-11-22T10:31:05.123Z")
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "alice@bastion").id
        let event = try journal.append(NotePayload(text: "hello \"world\""), to: id, author: "alice@bastion")
        #expect(
            event.jsonLine
                == #"{"id":2,"incident":"INC-20261122-1","time":"2026-11-22T10:31:05.123Z","author":"alice@bastion","#
                + #""kind":"note","payload":{"text":"hello \"world\""}}"#
        )
        let object = try JSONSerialization.jsonObject(with: Data(event.jsonLine.utf8)) as! [String: Any]
        #expect(object["kind"] as? String == "note")
    }

    @Test(arguments: JournalEngine.testable)
    func unknownValuesListTheValidOnes(engine: JournalEngine) throws {
        let journal = try journal(engine)
        _ = try journal.openIncident(title: "t", severity: "SEV3", author: "a")
        let unknown = #expect(throws: JournalError.self) { try journal.incident("INC-1") }
        #expect(unknown?.text == "unknown incident INC-1; known: INC-20261122-1")
        let append = #expect(throws: JournalError.self) {
            try journal.append(NotePayload(text: "lost?"), to: "INC-20000101-1", author: "a")
        }
        #expect(append == .unknownIncident(id: "INC-20000101-1", known: ["INC-20261122-1"]))
        let status = #expect(throws: JournalError.self) { try IncidentStatus.parse("fixed") }
        #expect(
            status?.text == "unknown status \"fixed\"; valid: triage, investigating, identified, monitoring, resolved")
        let severity = #expect(throws: JournalError.self) { try SeverityRules(runbook: nil).normalise("SEV9") }
        #expect(severity?.text.contains("valid: SEV1, SEV2, SEV3, SEV4, SEV5, P0, P1, P2, P3, P4") == true)
        #expect(try SeverityRules(runbook: nil).normalise("Sev 2") == "SEV2")
        #expect(try SeverityRules(runbook: nil).normalise("p1") == "P1")
        let custom = SeverityRules(valid: ["SEV1", "SEV2"])
        let error = #expect(throws: JournalError.self) { try custom.normalise("SEV3") }
        #expect(error?.text == "unknown severity \"SEV3\"; valid: SEV1, SEV2")
        let runbook = Runbook(
            title: "r", source: "r.md",
            severities: [
                SeverityLevel(id: "P1", rank: 1, line: 3), SeverityLevel(id: "P2", rank: 2, line: 4)
            ])
        let fromRunbook = #expect(throws: JournalError.self) { try SeverityRules(runbook: runbook).normalise("SEV1") }
        #expect(fromRunbook?.text == "unknown severity \"SEV1\"; valid: P1, P2")
        #expect(try SeverityRules(runbook: runbook).normalise("priority 2") == "P2")
        #expect(throws: JournalError.self) { try EventKind.parse("notes") }
        #expect(try EventKind.parse("command-finished") == .commandFinished)
    }

    @Test(arguments: JournalEngine.testable)
    func watchSeesAnotherConnectionsEventsWithinASecond(engine: JournalEngine) async throws {
        let writer = try journal(engine)
        let id = try writer.openIncident(title: "t", severity: "SEV3", author: "a").id
        let reader = try engine.open(store)
        var iterator = reader.watch(incident: id, after: 1).makeAsyncIterator()
        // Let the watcher take its first look, then commit from the other connection.
        try await Task.sleep(for: .milliseconds(300))
        try writer.append(NotePayload(text: "from the other screen"), to: id, author: "b")
        let committed = ContinuousClock.now
        let event = try await iterator.next()
        #expect(event?.payload(as: NotePayload.self)?.text == "from the other screen")
        #expect(ContinuousClock.now - committed < .seconds(1))
    }

    @Test(arguments: JournalEngine.testable)
    func reopeningAStoreKeepsEverything(engine: JournalEngine) throws {
        var journal: (any Journal)? = try self.journal(engine)
        let id = try journal!.openIncident(title: "t", severity: "SEV3", author: "a").id
        try journal!.append(NotePayload(text: "kept"), to: id, author: "a")
        journal = nil
        let reopened = try self.journal(engine)
        #expect(try reopened.events(incident: id).count == 2)
    }

    /// Everything the engine stored, as text: the SQLite file, or a dump of the server database.
    func rawStorage(_ engine: JournalEngine) throws -> String {
        switch engine {
        case .sqlite: return try String(contentsOf: store.location.databaseURL, encoding: .isoLatin1)
        case .postgres:
            let url = try store.postgresDatabase()
            return try ["incident", "event"].map {
                try PostgresTestServer.psql(url, "SELECT t::text FROM \($0) t")
            }.joined(separator: "\n")
        }
    }
}
