/// The moments the postmortem measures durations between.
public enum Milestone: String, Sendable, Codable, CaseIterable {
    case detected, acknowledged, mitigated, resolved

    public static func parse(_ text: String) throws -> Milestone {
        guard let milestone = Milestone(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw JournalError.invalidValue(what: "milestone", value: text, valid: allCases.map(\.rawValue))
        }
        return milestone
    }
}
