import RunbookKit

/// Which severities an incident may have: the runbook's levels when it has some, otherwise
/// the common SEV1–SEV5 and P0–P4.
public struct SeverityRules: Sendable, Equatable {
    public static let defaultLevels = (1...5).map { "SEV\($0)" } + (0...4).map { "P\($0)" }

    public var valid: [String]

    public init(runbook: Runbook?) {
        let levels = runbook?.severities.map(\.id) ?? []
        valid = levels.isEmpty ? Self.defaultLevels : levels
    }

    public init(valid: [String]) { self.valid = valid }

    /// The normalised id (`sev-1`, `Sev 1` → `SEV1`), or an error listing the valid ones.
    public func normalise(_ text: String) throws -> String {
        let id = SeverityID.leading(text)?.id ?? text.trimmingCharacters(in: .whitespaces).uppercased()
        guard valid.contains(id) else {
            throw JournalError.invalidValue(what: "severity", value: text, valid: valid)
        }
        return id
    }
}
