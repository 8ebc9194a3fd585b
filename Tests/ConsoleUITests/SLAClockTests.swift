import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("The SLA clock is the time to acknowledge; resolving stops the clocks (pure)")
struct SLAClockTests {
    static func header(_ state: AppState) -> String {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines.prefix(2).joined(
            separator: "\n")
    }

    @Test("Acknowledged at 1:52 on a 10-minute SEV1: the countdown stops and never turns to a breach")
    func acknowledgedInTime() {
        var state = AppFixture.state(severity: "SEV1", now: AppFixture.start.addingTimeInterval(30))
        #expect(AppView.slaText(state).0.contains("SLA 09:30 left"))
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    1, "milestone", "acknowledged",
                    .milestone("acknowledged", at: AppFixture.start.addingTimeInterval(112)),
                    at: 112)
            ]))
        state.now = AppFixture.start.addingTimeInterval(900)
        #expect(AppView.slaText(state).0 == "✓ acknowledged in 01:52")
        #expect(Self.header(state).contains("✓ acknowledged in 01:52"))
        #expect(!Self.header(state).contains("BREACHED"))
    }

    @Test("Acknowledged late: breached by how much, fixed")
    func acknowledgedLate() {
        var state = AppFixture.state(severity: "SEV1", now: AppFixture.start.addingTimeInterval(700))
        #expect(AppView.slaText(state).0.contains("SLA BREACHED +01:40"))
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    1, "milestone", "acknowledged",
                    .milestone("acknowledged", at: AppFixture.start.addingTimeInterval(605)),
                    at: 605)
            ]))
        state.now = AppFixture.start.addingTimeInterval(4000)
        #expect(AppView.slaText(state).0 == "SLA breached by 00:05")
    }

    @Test("After resolved the elapsed clock stops and says how long it lasted")
    func resolvedStopsTheClock() {
        var state = AppFixture.state(severity: "SEV2", now: AppFixture.start.addingTimeInterval(60))
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    1, "milestone", "resolved", .milestone("resolved", at: AppFixture.start.addingTimeInterval(3723)),
                    at: 3723)
            ]))
        state.now = AppFixture.start.addingTimeInterval(9000)
        #expect(state.incident.status == "resolved")
        #expect(Self.header(state).contains("⏱ lasted 01:02:03"))
    }

    @Test("A milestone recorded later with the time it was reached counts from that time")
    func acknowledgedAfterTheFact() {
        var state = AppFixture.state(severity: "SEV1", now: AppFixture.start.addingTimeInterval(1200))
        let reached = AppFixture.start.addingTimeInterval(240)
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(
                    1, "milestone", "acknowledged",
                    .milestone("acknowledged", at: reached), at: 1190)
            ]))
        #expect(AppView.slaText(state).0 == "✓ acknowledged in 04:00")
    }

    @Test("The moment the response time passes unacknowledged, the breach is recorded once")
    func breachIsRecordedOnce() {
        var state = AppFixture.state(severity: "SEV1", now: AppFixture.start.addingTimeInterval(590))
        #expect(AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(599))).isEmpty)
        #expect(
            AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(601)))
                == [.recordSLABreach(severity: "SEV1", responseSeconds: 600)])
        #expect(AppUpdate.update(&state, .tick(AppFixture.start.addingTimeInterval(602))).isEmpty)
        // Another console's record of it counts too; an acknowledged incident never breaches.
        var other = AppFixture.state(severity: "SEV1", now: AppFixture.start.addingTimeInterval(590))
        _ = AppUpdate.update(
            &other, .journalEvents([AppFixture.event(1, "sla_breached", "SLA breached", .slaBreached("SEV1"))]))
        #expect(AppUpdate.update(&other, .tick(AppFixture.start.addingTimeInterval(700))).isEmpty)
        var acknowledged = AppFixture.state(severity: "SEV1", now: AppFixture.start.addingTimeInterval(10))
        _ = AppUpdate.update(
            &acknowledged,
            .journalEvents([
                AppFixture.event(
                    1, "milestone", "acknowledged",
                    .milestone("acknowledged", at: AppFixture.start.addingTimeInterval(30)))
            ]))
        #expect(AppUpdate.update(&acknowledged, .tick(AppFixture.start.addingTimeInterval(700))).isEmpty)
    }
}
