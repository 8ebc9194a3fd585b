import Foundation
import IncidentKit
@testable import PostgresJournal
import Testing

/// A run recorded while the server was down: its start waits in the outbox under a temporary
/// negative id, and its finish (pushed with it, or written once the server is back) must point at
/// the id the server gave the start, with its output file renamed to match.
@Suite(
    "Offline runs link to the pushed start", .serialized,
    .enabled(
        if: PostgresTestServer.url != nil && ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"] != nil,
        "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a server)"))
struct OfflineRunLinkTests {
    let store = TempStore()

    func finish(_ journal: PostgresJournal, _ started: TimelineEvent) throws -> TimelineEvent {
        let path = try journal.writeOutput("output of \(started.id)\n", incident: started.incident, event: started.id)
        return try journal.append(
            CommandFinishedPayload(
                command: "uptime", exitStatus: 0, durationMs: 5, output: path,
                startedEvent: started.id),
            to: started.incident, author: "t")
    }

    @Test func aFinishNamesTheServerIdOfItsStart() throws {
        let ctl = try #require(ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"])
        let server = try PostgresTestServer.createDatabase()
        let journal = try PostgresJournal(url: PostgresStoreURL(server, environment: [:]), location: store.location)
        let id = try journal.openIncident(title: "partition", severity: "SEV2", author: "t").id

        try PostgresShell.run(ctl + " stop")
        let first = try journal.append(CommandStartedPayload(command: "uptime"), to: id, author: "t")
        let firstFinish = try finish(journal, first)
        let second = try journal.append(CommandStartedPayload(command: "uptime"), to: id, author: "t")
        #expect([first.id, firstFinish.id, second.id].allSatisfy { $0 < 0 })
        try PostgresShell.run(ctl + " start")
        // Both runs' starts are pushed (the first with its finish); the second finishes online.
        let secondFinish = try finish(journal, second)
        #expect(secondFinish.id > 0 && journal.waitingEvents == 0)

        let events = try journal.events(incident: id)
        let starts = events.filter { $0.kind == .commandStarted }.map(\.id)
        let finishes = events.compactMap { $0.payload(as: CommandFinishedPayload.self) }
        #expect(starts.count == 2 && starts.allSatisfy { $0 > 0 })
        #expect(finishes.map(\.startedEvent) == starts)
        #expect(finishes.map(\.output) == starts.map { "outputs/\(id)/\($0).log" })
        #expect(secondFinish.payload(as: CommandFinishedPayload.self)?.startedEvent == starts[1])
        for (start, finish) in zip([first, second], finishes) {
            let file = store.directory.appendingPathComponent(try #require(finish.output))
            #expect(try String(contentsOf: file, encoding: .utf8) == "output of \(start.id)\n")
        }
        let folder = store.location.outputsURL.appendingPathComponent(id)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix("-") })
    }
}
