import IncidentKit
import RunbookKit

/// The incident severity for an alert's `severity` label: the configured mapping when it names a
/// valid level, else the runbook's levels by rank (critical → the most severe, warning → the next,
/// anything else → the least severe), else SEV1 / SEV2 / SEV3.
public enum SeverityMapping {
    public static func severity(label: String?, configured: [String: String], runbook: Runbook?) -> String {
        let rules = SeverityRules(runbook: runbook)
        let label = label?.lowercased()
        if let label, let wanted = configured[label], let level = try? rules.normalise(wanted) { return level }
        let ranked = (runbook?.severities ?? []).sorted { $0.rank < $1.rank }.map(\.id)
        let levels = ranked.isEmpty ? ["SEV1", "SEV2", "SEV3"] : ranked
        switch label {
        case "critical", "page", "error": return levels[0]
        case "warning", "warn": return levels[min(1, levels.count - 1)]
        default: return levels[levels.count - 1]
        }
    }
}
