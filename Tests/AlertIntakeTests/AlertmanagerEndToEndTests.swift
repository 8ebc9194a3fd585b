import Foundation
import IncidentKit
import Testing
import WarroomTestSupport

/// What scripts/test-alertmanager.sh exports; nil when it did not start them (not installed).
struct AlertmanagerEnvironment {
    var alertmanager: String
    var receiverPort: Int
    var token: String

    static var current: AlertmanagerEnvironment? {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["WARROOM_TEST_ALERTMANAGER"],
            let port = env["WARROOM_TEST_ALERT_RECEIVER_PORT"].flatMap(Int.init),
            let token = env["WARROOM_TEST_ALERT_TOKEN"], WarroomBinary.url != nil
        else { return nil }
        return AlertmanagerEnvironment(alertmanager: url, receiverPort: port, token: token)
    }
}

/// A real Prometheus rule firing through a real Alertmanager (both started by scripts/test.sh,
/// scripts/test-alertmanager.sh) into the built `warroom alerts serve` and `alerts pull`.
@Suite(
    "Alertmanager end to end", .serialized,
    .enabled(
        if: AlertmanagerEnvironment.current != nil,
        "needs prometheus-alertmanager and prometheus, started by scripts/test.sh (WARROOM_TEST_ALERTMANAGER)"))
struct AlertmanagerEndToEndTests {
    static var environment: AlertmanagerEnvironment? { AlertmanagerEnvironment.current }

    /// A runbooks folder and a warroom.yaml whose `alerts:` maps critical to SEV2 and wants the bearer token.
    static func setUp(token: String) throws -> (directory: URL, config: String, fixture: AlertFixture) {
        let fixture = try AlertFixture()
        let config = fixture.directory.appendingPathComponent("warroom.yaml").path
        try """
        alerts:
          runbooks: runbooks
          severity: {critical: SEV2}
          auth: {bearer_env: WARROOM_E2E_TOKEN}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        return (fixture.directory, config, fixture)
    }

    /// Polls `condition` every 250 ms; false once `seconds` have passed.
    static func wait(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.25)
        }
        return try condition()
    }

    @Test("a firing rule opens one incident on the runbook's section, severity from config, namespace recorded")
    func webhook() throws {
        let env = try #require(Self.environment)
        let (directory, config, fixture) = try Self.setUp(token: env.token)
        defer { fixture.remove() }
        let store = directory.appendingPathComponent("store").path
        let serve = Process()
        serve.executableURL = WarroomBinary.url
        serve.arguments = [
            "alerts", "serve", "--listen", "127.0.0.1:\(env.receiverPort)", "--config", config, "--store", store
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["WARROOM_E2E_TOKEN"] = env.token
        serve.environment = environment
        let errors = Pipe()
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = errors
        try serve.run()
        defer {
            serve.terminate()
            serve.waitUntilExit()
        }
        let journal = try SQLiteJournal(location: StoreLocation(directory: URL(fileURLWithPath: store)))
        let opened = try Self.wait(seconds: 60) { try !journal.incidents().isEmpty }
        #expect(opened, "Alertmanager delivered within 60 s")
        let incident = try #require(try journal.incidents().first)
        #expect(incident.title == "Payments error rate above 5%")
        #expect(incident.status == .triage)
        #expect(incident.severity == "SEV2")
        #expect(incident.runbookPath?.hasSuffix("/runbooks/payments.md") == true)
        #expect(incident.runbookSection == "High error rate")
        let values = try journal.events(incident: incident.id, kinds: [.valuesRecorded]).first?
            .payload(as: ValuesRecordedPayload.self)
        #expect(values?.values["namespace"] == "payments")
        #expect(values?.source == "alert")

        // Alertmanager repeats the group every 5 s: the repeat is seen, and opens nothing.
        let first = try #require(try journal.alerts().first)
        let repeated = try Self.wait(seconds: 30) {
            try journal.alerts().first.map { $0.lastSeen > first.lastSeen } ?? false
        }
        #expect(repeated, "a repeat arrived within 30 s")
        #expect(try journal.incidents().count == 1)
        #expect(try journal.events(incident: incident.id, kinds: [.alertFiring]).count == 1)
    }

    @Test("alerts pull --once opens the same incident from the API, once")
    func pull() throws {
        let env = try #require(Self.environment)
        let (directory, config, fixture) = try Self.setUp(token: env.token)
        defer { fixture.remove() }
        let store = directory.appendingPathComponent("store").path
        let environment = ProcessInfo.processInfo.environment.merging(["WARROOM_E2E_TOKEN": env.token]) { $1 }
        let arguments = [
            "alerts", "pull", "--alertmanager", env.alertmanager, "--once", "--config", config, "--store", store
        ]
        let journal = try SQLiteJournal(location: StoreLocation(directory: URL(fileURLWithPath: store)))
        // The rule may not have reached Alertmanager yet when this test starts.
        let opened = try Self.wait(seconds: 60) {
            let result = try WarroomBinary.run(arguments, environment: environment)
            #expect(result.status == 0, "\(result.err)")
            return try !journal.incidents().isEmpty
        }
        #expect(opened)
        let again = try WarroomBinary.run(arguments, environment: environment)
        #expect(again.status == 0 && again.out.contains("1 firing"), "\(again.out)\(again.err)")
        let incidents = try journal.incidents()
        #expect(incidents.count == 1)
        #expect(incidents.first?.runbookSection == "High error rate")
        #expect(incidents.first?.severity == "SEV2")

        let list = try WarroomBinary.run(["alerts", "list", "--json", "--store", store])
        #expect(list.status == 0)
        #expect(list.out.contains("\"alertname\" : \"PaymentsHighErrorRate\""))
        #expect(list.out.contains(incidents.first?.id ?? "?"))
    }
}
