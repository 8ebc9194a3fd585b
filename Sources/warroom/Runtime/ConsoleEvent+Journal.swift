import ConsoleUI
import IncidentKit
import RunbookKit

extension ConsoleEvent {
    /// A journal event as the console shows it; what it changes is `IncidentChange(event)`,
    /// IncidentKit's one fold of an event.
    init(_ event: TimelineEvent) {
        var text = Self.oneLine(EventText.describe(event))
        var detail: [String] = []
        switch event.kind {
        case .commandStarted:
            if let p = event.payload(as: CommandStartedPayload.self) {
                // The row reads `#3 `cmd``, then the outcome once it finished.
                text = Self.oneLine(
                    (p.commandId.map { "#\($0) " } ?? "") + "`\(p.command)`" + (p.dryRun ? " (dry run)" : "")
                        + (p.interactive == true ? " (interactive)" : ""))
                detail = Self.startedDetail(p)
            }
        case .commandFinished:
            if let p = event.payload(as: CommandFinishedPayload.self) { detail = Self.finishedDetail(p) }
        default:
            break
        }
        text = Self.withoutKindWord(text, event.kind)
        let full = EventText.describe(event)
        if detail.isEmpty, full.contains(where: \.isNewline) || full.count > 80 {
            detail = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        self.init(
            id: event.id, time: event.time, author: event.author, kind: event.kind, text: text,
            change: IncidentChange(event), detail: detail)
        late = event.lateBy.map(TimelineEvent.lateWords)
    }

    /// The timeline's kind column already says "done", "skipped", "follow-up", "opened": the
    /// text does not say it again.
    static func withoutKindWord(_ text: String, _ kind: EventKind) -> String {
        let prefixes: [EventKind: String] = [
            .itemTicked: "Done: ", .itemSkipped: "Skipped: ", .itemUnticked: "Not done: ", .actionAdded: "Follow-up: ",
            .opened: "Incident opened: "
        ]
        guard let prefix = prefixes[kind], text.hasPrefix(prefix) else { return text }
        return String(text.dropFirst(prefix.count))
    }

    static func startedDetail(_ p: CommandStartedPayload) -> [String] {
        var lines = ["$ " + p.command]
        if let title = p.title { lines.append("step: " + title) }
        if let risk = p.risk { lines.append("risk: " + risk) }
        if let runner = p.runner { lines.append("runner: " + runner) }
        // Values as recorded: secrets were masked before they were stored.
        for (name, value) in (p.values ?? [:]).sorted(by: { $0.key < $1.key }) { lines.append("  \(name) = \(value)") }
        return lines
    }

    static func finishedDetail(_ p: CommandFinishedPayload) -> [String] {
        var lines = ["result: " + EventText.exitText(p) + " after " + Durations.text(milliseconds: p.durationMs)]
        if let output = p.output { lines.append("full output: <store>/" + output) }
        if !p.tail.isEmpty {
            lines.append("last lines:")
            lines += p.tail.map { "  " + $0 }
        }
        return lines
    }

    /// A timeline row is one line: a multi-line note (from stdin) shows its lines joined.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ⏎ ")
    }
}

extension IncidentSnapshot {
    init(_ incident: Incident) {
        self.init(
            id: incident.id, title: incident.title, severity: incident.severity,
            status: incident.status.rawValue, startedAt: incident.startedAt,
            commander: incident.roles[IncidentRole.commander.name])
    }
}
