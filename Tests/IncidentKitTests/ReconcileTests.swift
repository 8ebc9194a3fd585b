import Foundation
import Testing
@testable import IncidentKit

/// #11 item 4: a run whose process died without recording its end is reconciled as ended with an
/// unknown result — only when that process is gone, only on this host, only once.
@Suite("Orphaned runs")
struct ReconcileTests {
    @Test(arguments: JournalEngine.testable)
    func deadProcessesRunsEndWithUnknownResult(engine: JournalEngine) throws {
        let store = TempStore()
        let journal = try engine.open(store)
        let incident = try journal.openIncident(title: "Killed", severity: "SEV2", author: "alice")
        let dead = try journal.append(
            CommandStartedPayload(command: "sleep 600", commandId: 4, pid: 111, host: "here"),
            to: incident.id, author: "alice")
        _ = try journal.append(
            CommandStartedPayload(command: "sleep 601", pid: 222, host: "here"), to: incident.id, author: "alice")
        _ = try journal.append(
            CommandStartedPayload(command: "sleep 602", pid: 111, host: "elsewhere"), to: incident.id, author: "bob")
        let finished = try journal.append(
            CommandStartedPayload(command: "true", pid: 111, host: "here"), to: incident.id, author: "alice")
        _ = try journal.append(
            CommandFinishedPayload(command: "true", exitStatus: 0, durationMs: 1, startedEvent: finished.id),
            to: incident.id, author: "alice")
        let alive: (Int) -> Bool = { $0 == 222 }
        let appended = try journal.reconcileOrphanedRuns(
            incident: incident.id, host: "here", author: "carol", isAlive: alive)
        #expect(appended.count == 1)
        let payload = try JSONDecoder().decode(
            CommandFinishedPayload.self, from: Data(try #require(appended.first).payloadJSON.utf8))
        #expect(payload.startedEvent == dead.id && payload.commandId == 4 && payload.exitStatus == nil)
        #expect(payload.failure?.contains("result unknown") == true)
        #expect(
            try journal.reconcileOrphanedRuns(incident: incident.id, host: "here", author: "carol", isAlive: alive)
                .isEmpty)
    }

    /// The orphaned run's process group, still running, is killed — and only while its leader is
    /// the process that was noted.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func orphanedGroupIsKilled() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-orphan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        let location = StoreLocation(directory: store)
        let journal = try SQLiteJournal(location: location)
        let incident = try journal.openIncident(title: "Killed", severity: "SEV2", author: "alice")
        let leftover = Process()
        // A group of its own, led by the process itself (as a run's first process is).
        leftover.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        leftover.arguments = ["-c", "import os; os.setpgid(0, 0); os.execvp('sleep', ['sleep', '600'])"]
        try leftover.run()
        defer { if leftover.isRunning { kill(leftover.processIdentifier, SIGKILL) } }
        var group: pid_t = -1
        for _ in 0..<100 where group != leftover.processIdentifier {
            group = getpgid(leftover.processIdentifier)
            usleep(10_000)
        }
        try #require(group == leftover.processIdentifier, "the process leads its own group")
        let started = try journal.append(
            CommandStartedPayload(command: "sleep 600", pid: 999_999_9, host: "here"),
            to: incident.id, author: "alice")
        RunningGroups.note(location, incident: incident.id, event: started.id, group: group)
        let appended = try journal.reconcileOrphanedRuns(incident: incident.id, host: "here", author: "carol") { _ in
            false
        }
        leftover.waitUntilExit()
        #expect(leftover.terminationReason == .uncaughtSignal && leftover.terminationStatus == SIGKILL)
        let payload = try JSONDecoder().decode(
            CommandFinishedPayload.self, from: Data(try #require(appended.first).payloadJSON.utf8))
        #expect(payload.failure?.contains("process group \(group) was still running and was killed") == true)
    }
}
