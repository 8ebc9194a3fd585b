import Foundation
import IncidentKit
import Testing
import WarroomTestSupport
@testable import AlertIntake

/// The built `warroom alerts …` and `open --alert` commands, without Alertmanager.
@Suite("warroom alerts (command line)", .enabled(if: WarroomBinary.url != nil, "needs the built warroom binary"))
struct AlertsCLITests {
    @Test("a config error stops serve before it listens, naming the problem")
    func configError() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let config = fixture.directory.appendingPathComponent("warroom.yaml").path
        try "alerts:\n  auth: {bearer_env: WARROOM_NO_SUCH_VARIABLE}\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let result = try WarroomBinary.run([
            "alerts", "serve", "--listen", "127.0.0.1:0", "--config", config,
            "--store", fixture.directory.appendingPathComponent("s").path
        ])
        #expect(result.status == 1)
        #expect(result.err.contains("bearer_env: the environment variable WARROOM_NO_SUCH_VARIABLE is not set"))
    }

    @Test("list shows each alert with its incident, one line each even with a hostile alertname")
    func list() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let store = fixture.directory.appendingPathComponent("store").path
        let empty = try WarroomBinary.run(["alerts", "list", "--store", store])
        #expect(empty.status == 0 && empty.out == "No alerts received.\n")
        let body = Payloads.webhook(alerts: [Payloads.alert(name: "Evil\nINC-FAKE  firing")])
        let outcome = try fixture.intake().record(try AlertDecoding.webhook(body)[0], via: "webhook")
        let listed = try WarroomBinary.run(["alerts", "list", "--store", store])
        #expect(listed.status == 0)
        let lines = listed.out.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("a1b2c3d4e5f60718  firing    \(outcome.incident)") == true)
    }

    @Test("open --alert with an unknown fingerprint fails and lists the known ones")
    func openUnknownAlert() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        _ = try fixture.intake().record(
            try AlertDecoding.webhook(Payloads.webhook(alerts: [Payloads.alert()]))[0],
            via: "webhook")
        let result = try WarroomBinary.run([
            "open", "--alert", "ffffffff", "--store",
            fixture.directory.appendingPathComponent("store").path
        ])
        #expect(result.status == 1)
        #expect(result.err.contains("a1b2c3d4e5f60718"), "\(result.err)")
    }
}
