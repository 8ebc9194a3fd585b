import Foundation
import Testing
@testable import IncidentKit

/// #11 item 4: a run whose process died without recording its end is reconciled as ended with an
/// unknown result — only when that process is gone, only on this host, only once.
@Suite("Orphaned runs")
struct ReconcileTests {
    @Test func deadProcessesRunsEndWithUnknownResult() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-reconcile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        let journal = try Journal(location: StoreLocation(directory: store))
        let incident = try journal.openIncident(title: "Killed", severity: "SEV2", author: "alice")
        let dead = try journal.append(CommandStartedPayload(command: "sleep 600", commandId: 4, pid: 111, host: "here"),
                                      to: incident.id, author: "alice")
        _ = try journal.append(CommandStartedPayload(command: "sleep 601", pid: 222, host: "here"), to: incident.id, author: "alice")
        _ = try journal.append(CommandStartedPayload(command: "sleep 602", pid: 111, host: "elsewhere"), to: incident.id, author: "bob")
        let finished = try journal.append(CommandStartedPayload(command: "true", pid: 111, host: "here"), to: incident.id, author: "alice")
        _ = try journal.append(CommandFinishedPayload(command: "true", exitStatus: 0, durationMs: 1, startedEvent: finished.id),
                               to: incident.id, author: "alice")
        let alive: (Int) -> Bool = { $0 == 222 }
        let appended = try journal.reconcileOrphanedRuns(incident: incident.id, host: "here", author: "carol", isAlive: alive)
        #expect(appended.count == 1)
        let payload = try JSONDecoder().decode(CommandFinishedPayload.self, from: Data(try #require(appended.first).payloadJSON.utf8))
        #expect(payload.startedEvent == dead.id && payload.commandId == 4 && payload.exitStatus == nil)
        #expect(payload.failure?.contains("result unknown") == true)
        #expect(try journal.reconcileOrphanedRuns(incident: incident.id, host: "here", author: "carol", isAlive: alive).isEmpty)
    }
}
