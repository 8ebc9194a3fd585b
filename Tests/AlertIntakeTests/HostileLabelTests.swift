import Foundation
import IncidentKit
import RunbookKit
import Testing
@testable import AlertIntake

/// Label values are written by whoever controls the alert: they are stored as data and, when a
/// command uses them, quoted like any typed value; nothing in them ever runs.
@Suite("Hostile alert labels")
struct HostileLabelTests {
    static let marker = "/tmp/warroom-alert-label-ran-\(getpid())"

    @Test("shell syntax and line breaks in labels are stored verbatim and only ever quoted")
    func storedAsData() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove(); unlink(Self.marker) }
        let hostile = [
            "namespace": "$(touch \(Self.marker))", "pod": "x;rm -rf /tmp/nothing-here", "instance": "a\nb",
            "severity": "critical"
        ]
        let deliveries = try AlertDecoding.webhook(Payloads.webhook(alerts: [Payloads.alert(labels: hostile)]))
        let outcome = try fixture.intake().record(deliveries[0], via: "webhook")
        let values = try #require(
            try fixture.journal.events(incident: outcome.incident, kinds: [.valuesRecorded]).first?
                .payload(as: ValuesRecordedPayload.self))
        #expect(values.values["namespace"] == "$(touch \(Self.marker))")
        #expect(values.values["pod"] == "x;rm -rf /tmp/nothing-here")
        #expect(values.values["instance"] == "a\nb")
        #expect(!FileManager.default.fileExists(atPath: Self.marker), "recording ran nothing")

        // The runbook's command with these values: each lands as one quoted shell word.
        let runbook = try RunbookReader.read(file: fixture.runbooksPath + "/payments.md")
        let command = try #require(runbook.commands.first { $0.placeholders.contains("namespace") })
        let run = try RunPreparer.prepare(command, values: values.values, settings: RunnerSettings(), environment: [:])
        #expect(run.text.contains("kubectl -n '$(touch \(Self.marker))' get pods"))
        #expect(!FileManager.default.fileExists(atPath: Self.marker))
    }

    @Test("a title from a hostile summary stays on one line")
    func title() {
        let alert = IncomingAlert(
            fingerprint: "1", firing: true, labels: ["alertname": "X"],
            annotations: ["summary": "boom\n$(reboot)\r\nok"])
        #expect(AlertIntake.title(alert) == "boom $(reboot) ok")
    }
}
