import ConsoleUI
import Foundation
import RunbookKit
import Testing

@Suite("The incident's alerts: a header count, :alerts, and a resolved alert suggesting mitigated (pure)")
struct AlertsOverlayTests {
    static func screen(_ state: AppState) -> [String] {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines
    }

    static func alert(resolved: Bool) -> FiringAlert {
        FiringAlert(
            fingerprint: "f1", name: "HighErrorRate", labels: ["alertname": "HighErrorRate", "namespace": "payments"],
            annotations: ["summary": "5xx above 5%"], since: AppFixture.start.addingTimeInterval(-120),
            generatorURL: "http://prometheus.example/graph?g0.expr=x", resolved: resolved)
    }

    @Test("Firing: counted in the header; :alerts lists labels, summary, since when and the generator link")
    func firing() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .journalEvents([AppFixture.event(1, "alert_firing", "Alert firing", .alert(Self.alert(resolved: false)))]))
        #expect(Self.screen(state)[0].contains("🔔 1 firing (:alerts)"))
        AppFixture.press([.char(":")] + "alerts".map { .char($0) } + [.enter], &state)
        #expect(state.overlays == [.alerts])
        let text = Self.screen(state).joined(separator: "\n")
        #expect(text.contains("Alerts · 1 firing"))
        #expect(text.contains("● firing    HighErrorRate since"))
        #expect(text.contains("namespace=payments"))
        #expect(!text.contains("alertname="))
        #expect(text.contains("5xx above 5%"))
        #expect(text.contains("http://prometheus.example/graph"))
        AppFixture.press([.escape], &state)
        #expect(state.overlays.isEmpty)
    }

    @Test("Events waiting for an unreachable journal server are counted in the header, and the count goes")
    func offlineCount() {
        var state = AppFixture.state()
        _ = AppUpdate.update(&state, .journalWaiting(3))
        #expect(Self.screen(state)[0].contains("offline: 3 events waiting"))
        _ = AppUpdate.update(&state, .journalWaiting(0))
        #expect(!Self.screen(state)[0].contains("offline"))
    }

    @Test("Resolved: no longer counted, listed as resolved, and the footer suggests mitigated (nothing is closed)")
    func resolved() {
        var state = AppFixture.state()
        _ = AppUpdate.update(
            &state,
            .journalEvents([
                AppFixture.event(1, "alert_firing", "Alert firing", .alert(Self.alert(resolved: false))),
                AppFixture.event(2, "alert_resolved", "Alert resolved", .alert(Self.alert(resolved: true)))
            ]))
        #expect(state.firingCount == 0)
        #expect(state.incident.status == "investigating")
        #expect(state.message?.contains(":milestone mitigated") == true)
        #expect(!Self.screen(state)[0].contains("firing"))
        AppFixture.press([.char(":")] + "alerts".map { .char($0) } + [.enter], &state)
        #expect(Self.screen(state).joined(separator: "\n").contains("✓ resolved  HighErrorRate"))
    }

    @Test("Alertmanager's nanosecond times are read")
    func rfc3339() {
        let date = ClockTime.parseRFC3339("2026-12-03T13:02:00.123456789Z")
        #expect(
            date.map { abs($0.timeIntervalSince(ClockTime.parseISO("2026-12-03T13:02:00Z")!) - 0.123456789) < 0.001 }
                == true)
    }
}
