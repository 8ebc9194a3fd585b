/// Where an incident stands. The order is the usual progression; any move is allowed
/// (an incident can be reopened from `resolved` back to `investigating`). `triage` is where an
/// incident opened by an alert starts: nobody has looked at it yet.
public enum IncidentStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case triage, investigating, identified, monitoring, resolved

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses a status as typed by a person; the error lists the valid ones.
    public static func parse(_ text: String) throws -> IncidentStatus {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = IncidentStatus(rawValue: wanted) else {
            throw JournalError.invalidValue(
                what: "status", value: text, valid: allCases.map(\.rawValue))
        }
        return status
    }
}
