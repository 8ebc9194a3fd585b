import Foundation
import IncidentKit
@testable import PostgresJournal
import Testing

/// `lateBy`: an event the server took long after its own time, in words and in `timeline`.
@Suite("Late events")
struct LateEventTests {
    func event(time: Date, receivedAt: Date?) -> TimelineEvent {
        TimelineEvent(
            id: 1, incident: "INC-1", time: time, author: "t", kind: .note, payloadJSON: #"{"text":"x"}"#,
            receivedAt: receivedAt)
    }

    @Test func lateOnlyWhenReceivedAtLeastThirtySecondsAfterItsTime() {
        let time = TestClock.date("2026-11-22T10:00:00Z")
        #expect(event(time: time, receivedAt: nil).lateBy == nil)
        #expect(event(time: time, receivedAt: time.addingTimeInterval(29)).lateBy == nil)
        #expect(event(time: time, receivedAt: time.addingTimeInterval(-5)).lateBy == nil)
        #expect(event(time: time, receivedAt: time.addingTimeInterval(185)).lateBy == 185)
        #expect(TimelineEvent.lateWords(45) == "late 45s")
        #expect(TimelineEvent.lateWords(185) == "late 3m")
        #expect(TimelineEvent.lateWords(2 * 3600 + 5 * 60 + 9) == "late 2h05m")
        let late = event(time: time, receivedAt: time.addingTimeInterval(185))
        #expect(late.jsonLine.hasSuffix(#","payload":{"text":"x"},"received_at":"2026-11-22T10:03:05.000Z"}"#))
        #expect(event(time: time, receivedAt: time).jsonLine.hasSuffix(#""payload":{"text":"x"}}"#))
    }

    @Test(
        .enabled(
            if: PostgresTestServer.url != nil && ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"] != nil,
            "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a server)"))
    func aNotePushedFromTheOutboxIsMarkedLate() throws {
        let ctl = try #require(ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"])
        let store = TempStore()
        let server = try PostgresTestServer.createDatabase()
        let url = try PostgresStoreURL(server, environment: [:])
        // The writer's clock: its offline note is four minutes older than the push.
        let clock = TestClock("2026-11-22T10:00:00Z")
        clock.set(Timestamp.iso(Date().addingTimeInterval(-240)))
        let journal = try PostgresJournal(url: url, location: store.location, clock: clock.function)
        let id = try journal.openIncident(title: "partition", severity: "SEV2", author: "t").id
        clock.set(Timestamp.iso(Date()))
        try journal.append(NotePayload(text: "on time"), to: id, author: "t")

        try PostgresShell.run(ctl + " stop")
        clock.set(Timestamp.iso(Date().addingTimeInterval(-240)))
        let kept = try journal.append(NotePayload(text: "written offline"), to: id, author: "t")
        #expect(kept.id < 0)
        try PostgresShell.run(ctl + " start")
        #expect(try journal.pushWaiting() == 1)

        let notes = try journal.events(incident: id, kinds: [.note])
        #expect(notes.map { $0.lateBy == nil } == [true, false])
        let delay = try #require(notes.last?.lateBy)
        #expect(delay >= 230 && delay < 330)

        let environment = ProcessInfo.processInfo.environment.merging(
            ["XDG_DATA_HOME": store.directory.appendingPathComponent("xdg").path]) { $1 }
        let timeline = try WarroomBinary.run(["timeline", id, "--store", server], environment: environment)
        #expect(timeline.status == 0, "\(timeline.err)")
        let lines = timeline.out.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("  t  ⇣ late 4m · written offline") }, "\(timeline.out)")
        #expect(lines.contains { $0.hasSuffix("  t  on time") })
    }
}
