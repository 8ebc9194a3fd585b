import Foundation
import IncidentKit
import Testing

/// `recordAlerts` on both engines: the journal side of the alert intake.
@Suite("Alerts in the journal")
struct AlertJournalTests {
    let store = TempStore()
    let clock = TestClock("2026-11-22T10:00:00Z")

    func alert(_ fingerprint: String, firing: Bool = true) -> AlertArrival {
        AlertArrival(
            fingerprint: fingerprint, firing: firing,
            payload: AlertPayload(
                fingerprint: fingerprint, alertname: "HighErrorRate",
                labels: ["namespace": "shop", "token": "ghp_1234567890abcdefghijABCDEFGHIJ123456"],
                annotations: ["summary": "errors"], startsAt: "2026-11-22T09:58:00Z"))
    }

    @Test(arguments: JournalEngine.testable)
    func aGroupOpensOneIncidentRepeatsWriteNothingChangesAreEvents(engine: JournalEngine) throws {
        let journal = try engine.open(store, clock: clock.function)
        let opening = OpenedPayload(title: "HighErrorRate in shop", severity: "SEV2", status: .triage)
        let first = try journal.recordAlerts(
            groupKey: "g1", alerts: [alert("aaa1")], opening: opening,
            values: ["namespace": "shop"], via: "webhook", author: "alertmanager")
        #expect(first.opened && first.incident == "INC-20261122-1")
        #expect(first.events.count == 3) // opened, values_recorded, alert_firing
        let repeated = try journal.recordAlerts(
            groupKey: "g1", alerts: [alert("aaa1")], opening: opening,
            values: [:], via: "webhook", author: "alertmanager")
        #expect(repeated == AlertOutcome(incident: first.incident, opened: false, events: []))
        // Another alert of the group by fingerprint only, and a resolution.
        let later = try journal.recordAlerts(
            groupKey: "g2", alerts: [alert("aaa1", firing: false), alert("bbb2")],
            opening: opening, values: [:], via: "pull", author: "alertmanager")
        #expect(!later.opened && later.incident == first.incident && later.events.count == 2)

        let kinds = try journal.events(incident: first.incident).map(\.kind)
        #expect(kinds == [.opened, .valuesRecorded, .alertFiring, .alertResolved, .alertFiring])
        #expect(try journal.incident(first.incident).status == .triage)
        let rows = try journal.alerts()
        #expect(Set(rows.map(\.fingerprint)) == ["aaa1", "bbb2"])
        #expect(rows.first { $0.fingerprint == "aaa1" }?.status == "resolved")
        #expect(rows.allSatisfy { $0.labels["token"]?.contains("ghp_") == false })
        #expect(try journal.firingAlerts(via: "pull").map(\.fingerprint) == ["bbb2"])
        #expect(try journal.incident(forAlert: "aaa") == first.incident)
        #expect(try journal.incident(forAlert: "zzz") == nil)
    }
}
