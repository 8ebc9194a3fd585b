import Foundation

/// How the timeline pane words an event: one row each (a run's start and end on one row), and the
/// detail `Enter` shows.
enum TimelineText {
    /// `14:02:07 alice   run       #3 `kubectl get pods` ✓ 2.1s`: time, author, the kind in words, text
    /// (after `⇣ late 3m · ` for an event that waited offline, `⇡ waiting · ` for one still waiting).
    static func row(_ event: ConsoleEvent, authorWidth: Int) -> String {
        var text = event.text
        if event.kind == .commandStarted { text += "  " + (event.outcome ?? "▶ running") }
        if let late = event.late { text = "⇣ " + late + " · " + text }
        if event.id < 0 { text = "⇡ waiting · " + text }
        return TimeText.clock(event.time) + " " + TextFit.pad(event.author, toWidth: authorWidth) + " "
            + TextFit.pad(event.kindWords, toWidth: kindWidth) + " " + text
    }

    /// The widest kind word ("follow-up"), so texts start in one column.
    static let kindWidth = ConsoleEvent.words.values.map(\.count).max() ?? 9

    static func detail(_ event: ConsoleEvent) -> [String] {
        var lines = [
            "\(TimeText.day(event.time)) \(TimeText.clock(event.time)) UTC · \(event.author) · \(event.kind.rawValue)"
                + (event.late.map { " · arrived \($0) (written offline)" } ?? "")
                + (event.id < 0 ? " · written offline, waiting for the journal server" : ""), ""
        ]
        lines.append(event.text + (event.outcome.map { "  " + $0 } ?? ""))
        if !event.detail.isEmpty {
            lines.append("")
            lines += event.detail
        }
        return lines
    }
}
