import Foundation
@testable import IncidentKit
import Testing

/// `StoreCopy` between real stores: SQLite to each engine and back, links between events following
/// the target's ids, output files, and what a second copy or a different incident does.
@Suite("Store copy")
struct StoreCopyTests {
    let source = TempStore()
    let middle = TempStore()
    let back = TempStore()
    let clock = TestClock("2026-12-03T10:00:00Z")

    /// In `journal`: an unrelated incident first (so ids differ between stores), then the one to copy:
    /// a note, a run with its output file, a follow-up closed, a severity change, resolved.
    func fill(_ journal: any Journal) throws -> String {
        let other = try journal.openIncident(title: "Unrelated", severity: "SEV3", author: "zed")
        for n in 1...3 { try journal.append(NotePayload(text: "other \(n)"), to: other.id, author: "zed") }
        clock.advance(60)
        let incident = try journal.openIncident(title: "Checkout failing", severity: "SEV2", author: "alice")
        clock.advance(5)
        try journal.append(NotePayload(text: "rolled back to r41"), to: incident.id, author: "bob")
        let started = try journal.append(
            CommandStartedPayload(command: "kubectl get pods", commandId: 3),
            to: incident.id, author: "alice")
        let path = try journal.writeOutput("pod-1 Running\npod-2 CrashLoop\n", incident: incident.id, event: started.id)
        clock.advance(2)
        try journal.append(
            CommandFinishedPayload(
                command: "kubectl get pods", commandId: 3, exitStatus: 0,
                durationMs: 2100, output: path, tail: ["pod-2 CrashLoop"],
                startedEvent: started.id), to: incident.id, author: "alice")
        let action = try journal.append(
            ActionAddedPayload(text: "Alert on pool saturation", owner: "bob"),
            to: incident.id, author: "alice")
        try journal.append(
            ActionClosedPayload(action: action.id, text: "Alert on pool saturation"),
            to: incident.id, author: "bob")
        _ = try journal.setSeverity("SEV1", rules: SeverityRules(runbook: nil), on: incident.id, author: "carol")
        clock.advance(600)
        try journal.append(MilestonePayload(milestone: .resolved), to: incident.id, author: "carol")
        return incident.id
    }

    @Test(arguments: JournalEngine.testable)
    func anIncidentGoesThereAndBackIdentical(_ engine: JournalEngine) throws {
        let from = try JournalEngine.sqlite.open(source, clock: clock.function)
        let id = try fill(from)
        let there = try engine.open(middle)
        let copied = try StoreCopy.copy(from: from, to: there, incident: id)
        #expect(copied.count == 1)
        let outcome = try #require(copied.first)
        #expect(outcome.events == 8 && outcome.outputFiles == 1 && !outcome.alreadyThere)
        #expect(outcome.sourceHash == outcome.targetHash)
        #expect(
            outcome.line.hasPrefix("copied \(id) : 8 events, 1 output files, sha256 \(outcome.sourceHash.prefix(12))"))

        // The target's own ids, in the same order, with the original times, authors and payloads.
        let original = try from.events(incident: id)
        let events = try there.events(incident: id)
        #expect(events.map(\.kind) == original.map(\.kind))
        #expect(events.map(\.time) == original.map(\.time))
        #expect(events.map(\.author) == original.map(\.author))
        #expect(events.map(\.id) == events.map(\.id).sorted())
        #expect(events.allSatisfy { $0.lateBy == nil })
        #expect(events.first?.id != original.first?.id)
        // The run's finish points at the copied start, and its output file is there under that id.
        let start = try #require(events.first { $0.kind == .commandStarted })
        let finish = try #require(
            events.first { $0.kind == .commandFinished }?.payload(as: CommandFinishedPayload.self))
        #expect(finish.startedEvent == start.id)
        #expect(finish.output == "outputs/\(id)/\(start.id).log")
        let file = there.location.directory.appendingPathComponent(try #require(finish.output))
        #expect(try String(contentsOf: file, encoding: .utf8) == "pod-1 Running\npod-2 CrashLoop\n")
        let added = try #require(events.first { $0.kind == .actionAdded })
        #expect(events.first { $0.kind == .actionClosed }?.payload(as: ActionClosedPayload.self)?.action == added.id)
        // Payloads without links are stored byte for byte.
        #expect(events.first { $0.kind == .note }?.payloadJSON == original.first { $0.kind == .note }?.payloadJSON)
        let incident = try there.incident(id)
        #expect(incident == (try from.incident(id)))

        // And back into a third store: the same content.
        let home = try JournalEngine.sqlite.open(back)
        let returned = try StoreCopy.copy(from: there, to: home)
        #expect(returned.map(\.incident) == [id])
        #expect(try IncidentContent.read(id, from: home).hash == (try IncidentContent.read(id, from: from).hash))
    }

    @Test(arguments: JournalEngine.testable)
    func everyIncidentOldestFirstAndASecondCopyIsANoOp(_ engine: JournalEngine) throws {
        let from = try JournalEngine.sqlite.open(source, clock: clock.function)
        let id = try fill(from)
        let there = try engine.open(middle)
        let first = try StoreCopy.copy(from: from, to: there)
        #expect(first.count == 2 && first.last?.incident == id)
        #expect(try there.incidents().map(\.id) == (try from.incidents().map(\.id)))
        let eventsBefore = try there.events(incident: id).count
        let again = try StoreCopy.copy(from: from, to: there)
        #expect(again.allSatisfy { $0.alreadyThere })
        #expect(again.last?.line.hasPrefix("already there, identical: \(id) : 8 events") == true)
        #expect(try there.events(incident: id).count == eventsBefore)

        // A missing output file is put back; the events are not touched.
        let folder = there.location.outputsURL.appendingPathComponent(id)
        try FileManager.default.removeItem(at: folder)
        let repaired = try StoreCopy.copy(from: from, to: there, incident: id)
        #expect(repaired.first?.alreadyThere == false && repaired.first?.outputFiles == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
        #expect(try there.events(incident: id).count == eventsBefore)
    }

    @Test(arguments: JournalEngine.testable)
    func anIncidentThatDiffersThereIsRefused(_ engine: JournalEngine) throws {
        let from = try JournalEngine.sqlite.open(source, clock: clock.function)
        let id = try fill(from)
        let there = try engine.open(middle)
        try StoreCopy.copy(from: from, to: there, incident: id)
        try there.append(NotePayload(text: "written there only"), to: id, author: "dave")
        let before = try there.events(incident: id)
        let error = #expect(throws: StoreCopyError.self) { try StoreCopy.copy(from: from, to: there, incident: id) }
        guard case .conflict(let conflicting, let store, _, _) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(conflicting == id && store == there.storeDescription)
        #expect(error?.description.contains("was not overwritten") == true)
        #expect(try there.events(incident: id) == before)
        #expect(throws: StoreCopyError.sameStore(from.storeDescription)) { try StoreCopy.copy(from: from, to: from) }
        #expect(throws: JournalError.self) { try StoreCopy.copy(from: from, to: there, incident: "INC-20000101-1") }
    }
}
