import Foundation
import RunbookKit

/// The console's `warroom.yaml`: `--config FILE`, else `warroom.yaml` beside the first runbook.
/// Never fatal: problems become a one-line banner.
public struct ConsoleConfig: Sendable {
    /// The loaded file, or nil when none was given and none lies beside the runbook.
    public var config: WarroomConfig?

    public init(config: WarroomConfig?) { self.config = config }

    /// Loads `explicit` (reporting it when unreadable), else the default beside `firstRunbook` when it exists.
    public static func load(explicit: String?, firstRunbook: String?) -> ConsoleConfig {
        ConsoleConfig(config: WarroomConfig.find(explicit: explicit, besideRunbook: firstRunbook))
    }

    /// The theme to load: `--theme` wins, then the config's `theme:`.
    public func themeName(option: String?) -> String? { option ?? config?.theme }

    public var diagnostics: [ConfigDiagnostic] { config?.diagnostics ?? [] }
    public var hasErrors: Bool { !(config?.errors.isEmpty ?? true) }

    /// One line for the footer: the first problem as `file:line: severity: key: message`, then how many more.
    public var banner: String? {
        guard let first = diagnostics.first else { return nil }
        let name = URL(fileURLWithPath: first.file).lastPathComponent
        let place = first.line.map { "\(name):\($0)" } ?? name
        let key = first.key.isEmpty ? "" : "\(first.key): "
        let more = diagnostics.count > 1 ? " (+\(diagnostics.count - 1) more)" : ""
        return "\(place): \(first.severity.rawValue): \(key)\(first.message)\(more)"
    }
}
