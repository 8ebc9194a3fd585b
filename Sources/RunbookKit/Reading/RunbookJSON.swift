import Foundation

/// The JSON form of a runbook printed by `warroom show --json`.
public enum RunbookJSON {
    public static func encode(_ runbook: Runbook) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(runbook), as: UTF8.self)
    }
}
