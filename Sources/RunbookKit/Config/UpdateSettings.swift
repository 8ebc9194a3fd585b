import Foundation
import Yams

/// `updates:` in warroom.yaml: how often stakeholders get a status update, per severity, and the
/// command that sends one (it reads the text on stdin: a webhook call, a mail command).
///
///     updates:
///       every: { SEV1: 30m, SEV2: 1h }   # or one interval for every severity: `every: 30m`
///       command: "slack-post --channel '#incident'"
public struct UpdateSettings: Sendable, Equatable {
    /// Severity id (upper-cased) → seconds; `*` for every severity.
    public var every: [String: Int] = [:]
    public var command: String?

    public init(every: [String: Int] = [:], command: String? = nil) {
        self.every = every
        self.command = command
    }

    public func cadence(for severity: String) -> Int? { every[severity.uppercased()] ?? every["*"] }

    static func read(_ node: Node, reader: inout ConfigReader) -> UpdateSettings {
        var settings = UpdateSettings()
        guard let mapping = node.mapping else {
            reader.error("updates", node, "expected a mapping with `every` and `command`")
            return settings
        }
        for (keyNode, value) in mapping {
            let key = "updates." + (keyNode.string ?? "")
            switch keyNode.string ?? "" {
            case "command": settings.command = reader.string(value, key: key)
            case "every":
                if let single = value.scalar?.string {
                    if let s = interval(single, value, key, &reader) { settings.every["*"] = s }
                } else if let levels = value.mapping {
                    for (level, interval) in levels {
                        let name = (level.string ?? "").uppercased()
                        guard let text = reader.string(interval, key: "\(key).\(name)") else { continue }
                        if let s = Self.interval(text, interval, "\(key).\(name)", &reader) { settings.every[name] = s }
                    }
                } else {
                    reader.error(key, value, "expected an interval (30m) or severity: interval pairs")
                }
            default:
                reader.warning(key, keyNode, "unknown key (expected every, command)")
            }
        }
        return settings
    }

    static func interval(_ text: String, _ node: Node, _ key: String, _ reader: inout ConfigReader) -> Int? {
        guard let seconds = IntervalParser.seconds(text), seconds >= 60 else {
            reader.error(key, node, "expected an interval of a minute or more, like 30m or 1h (got \(text))")
            return nil
        }
        return Int(seconds)
    }
}
