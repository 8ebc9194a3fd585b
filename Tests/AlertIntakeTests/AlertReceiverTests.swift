import Foundation
import IncidentKit
import Testing
@testable import AlertIntake

/// The receiver served for real on loopback, posted to over HTTP.
@Suite("Alert receiver (webhook)", .serialized)
struct AlertReceiverTests {
    @Test("a new group opens one triage incident on the right runbook; a repeat opens none")
    func opensOnce() async throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let server = try await RunningReceiver(fixture.intake())
        let first = try await server.post(Payloads.webhook(alerts: [Payloads.alert()]))
        #expect(first.status == 200)
        #expect(first.body.contains("\"opened\":[\"INC-"))
        let repeated = try await server.post(Payloads.webhook(alerts: [Payloads.alert()]))
        #expect(repeated.status == 200 && repeated.body.contains("\"opened\":[]"))
        await server.stop()

        let incidents = try fixture.journal.incidents()
        #expect(incidents.count == 1)
        let incident = try #require(incidents.first)
        #expect(incident.status == .triage)
        #expect(incident.title == "Payments error rate above 5%")
        #expect(incident.severity == "SEV1")
        #expect(incident.runbookPath?.hasSuffix("/runbooks/payments.md") == true)
        #expect(incident.runbookSection == "High error rate")
        let events = try fixture.journal.events(incident: incident.id)
        #expect(events.map(\.kind) == [.opened, .valuesRecorded, .alertFiring], "the repeat is no event")
        let opened = try #require(events[0].payload(as: OpenedPayload.self))
        #expect(opened.impactStartedAt == "2026-12-03T10:00:00.123Z")
        #expect(opened.source == "alert" && opened.runbookSection == "High error rate")
        let values = try #require(events[1].payload(as: ValuesRecordedPayload.self))
        #expect(values.source == "alert")
        #expect(values.values == ["namespace": "payments", "severity": "critical"])
    }

    @Test("new alerts of the group and resolutions are events; a resolution does not close the incident")
    func laterAlerts() async throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let server = try await RunningReceiver(fixture.intake())
        _ = try await server.post(Payloads.webhook(alerts: [Payloads.alert()]))
        let second = Payloads.alert(
            fingerprint: "9999888877776666",
            labels: [
                "severity": "critical", "namespace": "payments",
                "pod": "api-2"
            ])
        #expect(try await server.post(Payloads.webhook(alerts: [Payloads.alert(), second])).status == 200)
        let resolved = Payloads.alert(status: "resolved")
        #expect(try await server.post(Payloads.webhook(alerts: [resolved, second])).status == 200)
        await server.stop()

        let incident = try #require(try fixture.journal.incidents().first)
        #expect(try fixture.journal.incidents().count == 1)
        #expect(incident.status == .triage && incident.resolvedAt == nil)
        let kinds = try fixture.journal.events(incident: incident.id).map(\.kind)
        #expect(kinds == [.opened, .valuesRecorded, .alertFiring, .alertFiring, .alertResolved])
        #expect(try fixture.journal.alerts().map(\.status).sorted() == ["firing", "resolved"])
    }

    @Test("bad payloads get a 4xx with the reason and nothing is recorded")
    func refused() async throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let server = try await RunningReceiver(fixture.intake())
        var broken = Payloads.alert()
        broken["startsAt"] = "not a time"
        let bodies: [(Data, Int, String)] = [
            (Data("{not json".utf8), 400, "not JSON"),
            // One good alert and one bad: the whole delivery is refused.
            (Payloads.webhook(alerts: [Payloads.alert(), broken]), 400, "alert 2"),
            (Data(#"{"version": "4", "alerts": [{"status": "firing"}]}"#.utf8), 400, "no labels"),
            (Data(repeating: UInt8(ascii: " "), count: AlertDecoding.maximumBytes + 10), 413, "larger than")
        ]
        for (body, status, reason) in bodies {
            let reply = try await server.post(body)
            #expect(reply.status == status)
            #expect(reply.body.contains(reason), "\(reply.body)")
        }
        await server.stop()
        #expect(try fixture.journal.incidents().isEmpty)
        #expect(try fixture.journal.alerts().isEmpty)
        #expect(server.logLines.all.count == bodies.count)
    }

    @Test("auth: 401 and a log line without the right credentials, nothing recorded")
    func auth() async throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let server = try await RunningReceiver(fixture.intake(auth: .bearer("s3cret")))
        let body = Payloads.webhook(alerts: [Payloads.alert()])
        #expect(try await server.post(body).status == 401)
        #expect(try await server.post(body, authorization: "Bearer wrong").status == 401)
        #expect(
            try await server.post(body, authorization: "Basic " + Data("a:s3cret".utf8).base64EncodedString()).status
                == 401)
        #expect(try fixture.journal.incidents().isEmpty)
        #expect(server.logLines.all.count == 3)
        #expect(server.logLines.all.allSatisfy { $0.contains("401") })
        #expect(!server.logLines.all.joined().contains("s3cret"), "the log never shows a credential")
        #expect(try await server.post(body, authorization: "Bearer s3cret").status == 200)
        await server.stop()
        #expect(try fixture.journal.incidents().count == 1)

        let basic = try await RunningReceiver(fixture.intake(auth: .basic(user: "am", password: "pw")))
        #expect(try await basic.post(body).status == 401)
        #expect(
            try await basic.post(body, authorization: "Basic " + Data("am:pw".utf8).base64EncodedString()).status == 200
        )
        await basic.stop()
    }

    @Test("200 concurrent deliveries of one group open exactly one incident")
    func concurrentSameGroup() async throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let server = try await RunningReceiver(fixture.intake())
        let body = Payloads.webhook(alerts: [Payloads.alert()])
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { try await server.post(body).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        await server.stop()
        #expect(statuses.count == 200 && statuses.allSatisfy { $0 == 200 })
        #expect(try fixture.journal.incidents().count == 1)
        let id = try #require(try fixture.journal.incidents().first?.id)
        #expect(try fixture.journal.events(incident: id, kinds: [.opened, .alertFiring]).count == 2)
    }

    @Test("1,000 alerts in 50 groups, delivered concurrently: 50 incidents, no alert lost")
    func thousandAlerts() async throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let server = try await RunningReceiver(fixture.intake())
        let start = Date()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<1000 {
                let group50 = i % 50
                let body = Payloads.webhook(
                    groupKey: "{}:{service=\"s\(group50)\"}",
                    alerts: [
                        Payloads.alert(
                            fingerprint: String(format: "%016x", i), labels: ["severity": "warning", "pod": "p\(i)"])
                    ])
                group.addTask { try await server.post(body).status }
                if i % 20 == 19 { _ = try await group.next() } // about 20 in flight, like a busy Alertmanager
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        await server.stop()
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(Date().timeIntervalSince(start) < 60, "absorbed within a minute")
        #expect(try fixture.journal.incidents().count == 50)
        #expect(try fixture.journal.alerts().count == 1000)
    }
}
