/// The moments the postmortem measures durations between.
public enum Milestone: String, Sendable, Codable, CaseIterable {
    /// When users were first hurt: often before anyone noticed (`--at` says when).
    case impactStarted = "impact_started"
    case detected, acknowledged, mitigated, resolved

    /// Accepts `impact_started`, `impact-started`, `impact started` or just `impact`.
    public static func parse(_ text: String) throws -> Milestone {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        guard let milestone = Milestone(rawValue: words == "impact" ? "impact_started" : words) else {
            throw JournalError.invalidValue(what: "milestone", value: text, valid: allCases.map(\.rawValue))
        }
        return milestone
    }
}
