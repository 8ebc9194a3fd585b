import Foundation
import IncidentKit
import RunbookKit

/// Where alerts become incidents: one incident per alert group, on the runbook the alert points
/// at, with the alert's labels as placeholder values. The webhook receiver and the API poller
/// both feed it.
public final class AlertIntake: Sendable {
    public let journal: any Journal
    public let config: AlertsConfig
    public let catalog: RunbookCatalog
    let author: String
    /// Journal writes block (SQLite, fsync); they run here instead of on the server's threads.
    private let queue = DispatchQueue(label: "warroom.alert-intake")

    public init(journal: any Journal, config: AlertsConfig, author: String = "alertmanager") {
        self.journal = journal
        self.config = config
        self.catalog = RunbookCatalog(folder: config.runbooks)
        self.author = author
    }

    /// Records one delivery; returns once it is committed.
    public func record(_ delivery: AlertDelivery, via: String) throws -> AlertOutcome {
        guard let first = delivery.alerts.first(where: \.firing) ?? delivery.alerts.first else {
            throw IntakeError.malformed("no alerts")
        }
        let match = catalog.match(annotations: first.annotations, alertname: first.alertname)
        let opening = OpenedPayload(
            title: Self.title(first),
            severity: SeverityMapping.severity(
                label: first.labels["severity"], configured: config.severity, runbook: match?.runbook),
            runbook: match?.path, runbookHash: match?.hash, runbookSection: match?.section,
            impactStartedAt: first.startsAt.flatMap(RFC3339.date).map(Timestamp.iso), source: "alert",
            status: .triage)
        return try journal.recordAlerts(
            groupKey: delivery.groupKey, alerts: delivery.alerts.map(\.arrival),
            opening: opening, values: Self.values(delivery), via: via, author: author)
    }

    /// `record` off the caller's thread, for async servers.
    public func recordAsync(_ deliveries: [AlertDelivery], via: String) async throws -> [AlertOutcome] {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try deliveries.map { try self.record($0, via: via) } })
            }
        }
    }

    /// The `summary` annotation, else the alertname, on one line and of a sensible length.
    static func title(_ alert: IncomingAlert) -> String {
        let raw =
            alert.annotations["summary"].flatMap { $0.isEmpty ? nil : $0 } ?? alert.alertname ?? "Alert "
            + alert.fingerprint
        let line = raw.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }

    /// The labels the group's alerts share, as placeholder values (`<namespace>`, `<pod>`): a
    /// label that differs between alerts names no single value. `alertname` is not a placeholder.
    static func values(_ delivery: AlertDelivery) -> [String: String] {
        var shared = delivery.alerts[0].labels
        for alert in delivery.alerts.dropFirst() {
            shared = shared.filter { alert.labels[$0.key] == $0.value }
        }
        shared["alertname"] = nil
        return shared
    }
}
