import Foundation
import RunbookKit

/// One line of plain text per event, as the timeline and the postmortem show it.
public enum EventText {
    public static func describe(_ event: TimelineEvent) -> String {
        describe(event.kind, DecodedPayload.decode(event, using: JSONDecoder()))
    }

    static func describe(_ kind: EventKind, _ payload: DecodedPayload) -> String {
        switch (kind, payload) {
        case (_, .opened(let p)):
            if p.severity == WalkRecord.severity {
                return "Walk started: "
                    + (p.title.hasPrefix(WalkRecord.titlePrefix)
                        ? String(p.title.dropFirst(WalkRecord.titlePrefix.count)) : p.title)
            }
            return "Incident opened: \(p.title) (\(p.severity))"
        case (_, .severity(let p)):
            return "Severity \(p.from) → \(p.to)"
        case (_, .status(let p)):
            return "Status \(p.from.rawValue) → \(p.to.rawValue)"
        case (_, .role(let p)):
            if p.handoff == true { return "Hand-off: \(p.role) \(p.previous ?? "nobody") → \(p.person)" }
            return "\(p.person) is \(p.role)"
        case (_, .item(let p)):
            return "\(itemVerb(kind)): \(p.item)" + (p.reason.map { " (\($0))" } ?? "")
        case (_, .started(let p)):
            return "Started \(commandLabel(p.commandId, p.command))" + (p.dryRun ? " (dry run)" : "")
                + (p.interactive == true ? " (interactive)" : "")
        case (_, .finished(let p)):
            let label = commandLabel(p.commandId, p.command)
            if p.dryRun { return "Dry run of \(label): nothing executed" }
            if p.failure != nil { return "Could not run \(label): \(exitText(p))" }
            let preposition = p.exitStatus != nil ? "in" : "after"
            return "Ran \(label) → \(exitText(p)) \(preposition) \(Durations.text(milliseconds: p.durationMs))"
        case (_, .refused(let p)):
            return "Refused \(commandLabel(p.commandId, p.command)): \(p.reason)"
        case (_, .done(let p)):
            return "Done by hand: \(commandLabel(p.commandId, p.command))"
        case (_, .metric(let p)):
            let verb = kind == .metricBreached ? "breached" : "recovered"
            let unit = p.unit ?? ""
            return "\(p.metric) \(verb) \(p.level): \(number(p.value))\(unit) (threshold \(number(p.threshold))\(unit))"
        case (_, .note(let p)):
            return p.text + (p.step.map { " (on step: \($0))" } ?? "")
        case (_, .milestone(let p)):
            return "Milestone: " + p.milestone.rawValue.replacingOccurrences(of: "_", with: " ")
                + (p.at.map { " (reached \($0))" } ?? "")
        case (_, .slaBreached(let p)):
            return
                "SLA breached: \(p.severity) not acknowledged within \(Durations.text(milliseconds: p.responseSeconds * 1000))"
        case (_, .alert(let p)):
            let name = p.alertname ?? p.fingerprint
            let summary = p.annotations["summary"].map { ": \($0)" } ?? ""
            return (kind == .alertResolved ? "Alert resolved: " : "Alert firing: ") + name + summary
        case (_, .values(let p)):
            let pairs = p.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "Values from \(p.source): " + pairs.joined(separator: " ")
        case (_, .actionAdded(let p)):
            return "Follow-up: \(p.text)" + (p.owner.map { " (@\($0))" } ?? "")
        case (_, .actionClosed(let p)):
            return (p.reason == nil ? "Follow-up done: " : "Follow-up dropped: ") + p.text
                + (p.reason.map { " (\($0))" } ?? "")
        case (_, .statusUpdate(let p)):
            let lines = p.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            return (p.sentWith == nil ? "Status update recorded" : "Status update sent with `\(p.sentWith!)`")
                + deliveryText(p) + ": " + lines.joined(separator: " · ")
        case (_, .escalationDue(let p)):
            return "Escalation due: L\(p.level) \(p.who) (after \(Durations.text(seconds: Double(p.afterSeconds))))"
                + (p.contact.map { " — \($0)" } ?? "")
        case (_, .unreadable):
            return kind.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// ` (exit 1)`, ` (failed: …)` when delivery did not succeed; nothing when it did or was not attempted.
    static func deliveryText(_ p: StatusUpdatePayload) -> String {
        if let failure = p.failure { return " (failed: \(failure))" }
        if let status = p.exitStatus, status != 0 { return " (exit \(status))" }
        return ""
    }

    static func itemVerb(_ kind: EventKind) -> String {
        kind == .itemTicked ? "Done" : kind == .itemUnticked ? "Not done" : "Skipped"
    }

    public static func exitText(_ p: CommandFinishedPayload) -> String {
        if p.dryRun { return "dry run" }
        if let failure = p.failure { return "failed: \(failure)" }
        let by = p.signal.map { " (\(signalName($0)))" } ?? ""
        if p.timedOut == true { return "timed out" + by }
        if p.cancelled == true { return "cancelled" + by }
        if let status = p.exitStatus { return "exit \(status)" }
        if let signal = p.signal { return "killed by \(signalName(signal))" }
        return "exit unknown"
    }

    /// `#7 `kubectl get pods``, or just the quoted text for commands not from a runbook.
    static func commandLabel(_ id: Int?, _ command: String) -> String {
        (id.map { "#\($0) " } ?? "") + "`\(command)`"
    }

    /// `SIGINT`, `SIGKILL` …; other numbers as `signal N`.
    public static func signalName(_ number: Int) -> String {
        let names = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 13: "SIGPIPE", 14: "SIGALRM",
            15: "SIGTERM"
        ]
        return names[number] ?? "signal \(number)"
    }

    /// `7.5`, `12`, `0.031`: no trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Four decimals at most, trailing zeros dropped; not String(format:), which is slow.
        let scaled = (value * 10000).rounded()
        guard abs(scaled) < 1e15 else { return String(value) }
        let whole = Int64(scaled) / 10000, fraction = abs(Int64(scaled) % 10000)
        var digits = pad(Int(fraction), 4)
        while digits.hasSuffix("0") { digits.removeLast() }
        let sign = value < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + (digits.isEmpty ? "" : "." + digits)
    }
}

/// Human durations: `45s`, `12m 05s`, `1h 02m`, `2d 03h`.
public enum Durations {
    public static func text(seconds: Double?) -> String {
        guard let seconds, seconds >= 0 else { return "—" }
        let s = Int(seconds.rounded(.down))
        if s < 10, seconds != seconds.rounded() {
            let tenths = Int((seconds * 10).rounded(.toNearestOrEven))
            return "\(tenths / 10).\(tenths % 10)s"
        }
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(pad(s % 60, 2))s" }
        if s < 86400 { return "\(s / 3600)h \(pad(s % 3600 / 60, 2))m" }
        return "\(s / 86400)d \(pad(s % 86400 / 3600, 2))h"
    }

    public static func text(milliseconds: Int) -> String { text(seconds: Double(milliseconds) / 1000) }

    /// `10m`, `2h`, `1d`, `30s`, `1h30m` → seconds, for `--since`.
    public static func parse(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for c in text.lowercased() where c != " " {
            if c.isNumber || c == "." { number.append(c); continue }
            guard let n = Double(number) else { return nil }
            switch c {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86400
            case "w": total += n * 604_800
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        if !number.isEmpty { return nil }
        return sawUnit ? total : nil
    }
}
