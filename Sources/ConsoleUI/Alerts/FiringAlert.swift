import Foundation

/// An Alertmanager alert of this incident as the console shows it: the header counts the firing
/// ones, `:alerts` lists them with their labels, summary, since when and where they come from.
public struct FiringAlert: Sendable, Equatable {
    public var fingerprint: String
    public var name: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var since: Date?
    public var generatorURL: String?
    public var resolved: Bool

    public init(
        fingerprint: String, name: String, labels: [String: String], annotations: [String: String],
        since: Date?, generatorURL: String?, resolved: Bool
    ) {
        self.fingerprint = fingerprint
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.since = since
        self.generatorURL = generatorURL
        self.resolved = resolved
    }
}

extension AppView {
    /// The `:alerts` overlay: firing alerts first (oldest first), then the resolved ones. Each
    /// alert takes up to four lines: name and since when, labels, summary, generator link.
    static func alertLines(_ state: AppState) -> [(text: String, key: ThemeKey)] {
        let alerts = state.alerts.values.sorted {
            ($0.resolved ? 1 : 0, $0.since ?? .distantFuture, $0.name) < (
                $1.resolved ? 1 : 0, $1.since ?? .distantFuture, $1.name
            )
        }
        guard !alerts.isEmpty else { return [("No alerts on this incident.", .textMuted)] }
        var lines: [(String, ThemeKey)] = []
        for alert in alerts {
            let since =
                alert.since.map {
                    " since " + TimeText.clock($0) + " UTC (" + TimeText.elapsed(Int(state.now.timeIntervalSince($0)))
                        + " ago)"
                } ?? ""
            lines.append(
                (
                    (alert.resolved ? "✓ resolved  " : "● firing    ") + alert.name + since,
                    alert.resolved ? .metricOK : .metricCrit
                ))
            let labels = alert.labels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            if !labels.isEmpty { lines.append(("    " + labels, .text)) }
            if let summary = alert.annotations["summary"] ?? alert.annotations["description"] {
                lines.append(("    " + summary, .textMuted))
            }
            if let url = alert.generatorURL, !url.isEmpty { lines.append(("    " + url, .textMuted)) }
        }
        return lines
    }
}
