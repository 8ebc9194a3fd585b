import Foundation

/// How often the runbook says stakeholders get an update: "status updates every 30 minutes",
/// "update the status page hourly", "(roughly every 30mins)" in a sentence about updates.
public struct UpdateCadence: Sendable, Equatable {
    public var seconds: Int
    /// The words it was read from.
    public var text: String
    /// The level it applies to, or nil for every level.
    public var severity: String?
    /// When the first update is due after the start, when the runbook says so apart ("First
    /// update: within 20 minutes" before "then every 30 minutes").
    public var firstSeconds: Int? = nil
}

extension Runbook {
    /// The cadence for `severity`: stated in that level's row or description first, else anywhere
    /// in the steps and checklists (for every level).
    public func updateCadence(for severity: String) -> UpdateCadence? {
        if let level = self.severity(severity) {
            for text in [level.communication, level.description, level.escalation].compactMap({ $0 }) {
                if let seconds = UpdateCadenceText.seconds(in: text, requireUpdateWord: level.communication != text) {
                    return UpdateCadence(
                        seconds: seconds, text: text, severity: level.id,
                        firstSeconds: UpdateCadenceText.first(in: text))
                }
            }
        }
        let texts = procedures.flatMap { $0.steps.map(\.text) } + checklists.flatMap { $0.items.map(\.text) }
        for text in texts {
            if let seconds = UpdateCadenceText.seconds(in: text, requireUpdateWord: true) {
                return UpdateCadence(seconds: seconds, text: text, severity: nil)
            }
        }
        return nil
    }
}

enum UpdateCadenceText {
    /// Seconds of "every 30 minutes" / "every 30mins" / "every hour" / "hourly" in a sentence
    /// that talks about updates (unless the text is already a communication column).
    static func seconds(in text: String, requireUpdateWord: Bool) -> Int? {
        for sentence in text.lowercased().split(whereSeparator: { ".;\n".contains($0) }) {
            let s = String(sentence)
            if requireUpdateWord,
                !(s.contains("update") || s.contains("status page") || s.contains("stakeholder")
                    || s.contains("a status every"))
            {
                continue
            }
            // "every two hours": a number written out.
            if let seconds = every(s) ?? every(DurationParser.withDigits(s)) { return seconds }
        }
        return nil
    }

    /// Seconds of "First update: within 20 minutes" / "initial update in 15 min": a sentence about
    /// the first update that names a time and no "every".
    static func first(in text: String) -> Int? {
        for sentence in text.lowercased().split(whereSeparator: { ".;\n".contains($0) }) {
            let s = String(sentence)
            guard s.contains("first") || s.contains("initial"), !s.contains("every") else { continue }
            if let seconds = DurationParser.seconds(in: s), seconds > 0 { return seconds }
        }
        return nil
    }

    static func every(_ s: String) -> Int? {
        if s.contains("hourly") || s.contains("every hour") { return 3600 }
        if s.contains("every half hour") || s.contains("every half-hour") { return 1800 }
        guard let range = s.range(of: "every ") else { return nil }
        let rest = s[range.upperBound...].drop { $0 == " " }
        let digits = rest.prefix { $0.isNumber }
        guard let n = Int(digits), n > 0 else { return nil }
        let unit = rest.dropFirst(digits.count).drop { $0 == " " || $0 == "-" }
        if unit.hasPrefix("min") || unit.hasPrefix("m ") || unit == "m" { return n * 60 }
        if unit.hasPrefix("h") { return n * 3600 }
        return nil
    }
}
