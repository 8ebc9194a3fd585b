import Foundation
import Testing
@testable import AlertIntake

@Suite("Alertmanager payload decoding")
struct PayloadDecodingTests {
    @Test("a version 4 webhook becomes one delivery for its groupKey")
    func webhook() throws {
        let deliveries = try AlertDecoding.webhook(
            Payloads.webhook(alerts: [
                Payloads.alert(), Payloads.alert(status: "resolved", fingerprint: "ffff000011112222")
            ]))
        #expect(deliveries.count == 1)
        let delivery = try #require(deliveries.first)
        #expect(delivery.groupKey == "{}:{alertname=\"PaymentsHighErrorRate\"}")
        #expect(delivery.alerts.map(\.firing) == [true, false])
        #expect(delivery.alerts[0].alertname == "PaymentsHighErrorRate")
        #expect(delivery.alerts[0].labels["namespace"] == "payments")
        #expect(delivery.alerts[0].annotations["summary"] == "Payments error rate above 5%")
        #expect(delivery.alerts[0].endsAt == nil, "0001-01-01 is Alertmanager's 'not set'")
    }

    @Test("without a groupKey each alert is its own group, by fingerprint")
    func noGroupKey() throws {
        let deliveries = try AlertDecoding.webhook(
            Payloads.webhook(
                groupKey: nil,
                alerts: [
                    Payloads.alert(fingerprint: "0000000000000001"), Payloads.alert(fingerprint: "0000000000000002")
                ]))
        #expect(deliveries.map(\.groupKey) == ["fingerprint:0000000000000001", "fingerprint:0000000000000002"])
    }

    @Test("an alert without a fingerprint gets a stable one from its labels")
    func computedFingerprint() throws {
        var alert = Payloads.alert()
        alert["fingerprint"] = nil
        let a = try AlertDecoding.webhook(Payloads.webhook(alerts: [alert]))
        let b = try AlertDecoding.webhook(Payloads.webhook(alerts: [alert]))
        #expect(a[0].alerts[0].fingerprint.count == 16)
        #expect(a[0].alerts[0].fingerprint == b[0].alerts[0].fingerprint)
    }

    @Test("nanosecond times are read")
    func times() {
        let date = RFC3339.date("2026-12-03T10:00:00.123456789Z")
        #expect(date.map { abs($0.timeIntervalSince1970 - 1_796_292_000.123) < 0.001 } == true)
        #expect(RFC3339.date("2026-12-03T11:00:00+01:00")?.timeIntervalSince1970 == 1_796_292_000)
        #expect(RFC3339.date("yesterday") == nil)
    }

    @Test(
        "bad payloads are refused with a reason",
        arguments: [
            ("not json", "not JSON"),
            ("[1, 2]", "is not a"),
            (#"{"alerts": []}"#, "no \"version\""),
            (#"{"version": "3", "alerts": []}"#, "version \"3\" is not supported"),
            (#"{"version": "4"}"#, "no \"alerts\" list"),
            (#"{"version": "4", "alerts": [{"status": "firing"}]}"#, "alert 1 has no labels"),
            (#"{"version": "4", "alerts": [{"status": "maybe", "labels": {"a": "b"}}]}"#, "status \"maybe\""),
            (#"{"version": "4", "alerts": [{"labels": {"a": "b"}}]}"#, "alert 1 has no \"status\""),
            (#"{"version": "4", "alerts": [{"status": "firing", "labels": {"a": 1}}]}"#, "is not a string"),
            (
                #"{"version": "4", "alerts": [{"status": "firing", "labels": {"a": "b"}, "startsAt": "soon"}]}"#,
                "not an RFC 3339 time"
            ),
            (
                #"{"version": "4", "alerts": [{"status": "firing", "labels": {"a": "b"}, "fingerprint": "../../x"}]}"#,
                "not a short hexadecimal id"
            )
        ])
    func malformed(body: String, reason: String) {
        #expect {
            _ = try AlertDecoding.webhook(Data(body.utf8))
        } throws: { error in
            guard case IntakeError.malformed(let text) = error else { return false }
            return text.contains(reason)
        }
    }

    @Test("a body over 1 MB is refused")
    func tooLarge() {
        let body = Data(repeating: UInt8(ascii: " "), count: AlertDecoding.maximumBytes + 1)
        #expect(throws: IntakeError.tooLarge(limit: AlertDecoding.maximumBytes)) {
            _ = try AlertDecoding.webhook(body)
        }
    }

    @Test("API v2 alerts are all firing, one group per fingerprint")
    func apiAlerts() throws {
        let body = #"""
            [{"annotations": {"summary": "s"}, "endsAt": "2026-12-03T10:05:00Z", "fingerprint": "abc123",
              "receivers": [{"name": "warroom"}], "startsAt": "2026-12-03T10:00:00Z",
              "status": {"inhibitedBy": [], "silencedBy": [], "state": "active"},
              "updatedAt": "2026-12-03T10:00:01Z", "labels": {"alertname": "X", "pod": "p-1"}}]
            """#
        let deliveries = try AlertDecoding.apiAlerts(Data(body.utf8))
        #expect(deliveries.map(\.groupKey) == ["fingerprint:abc123"])
        #expect(deliveries[0].alerts[0].firing)
        #expect(deliveries[0].alerts[0].labels["pod"] == "p-1")
    }
}
