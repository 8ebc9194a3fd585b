/// The long lists of a postmortem rendered to Markdown in Swift. A 100k-event timeline through
/// Mustache sections costs seconds (a dynamic lookup per variable per row); these strings cost
/// milliseconds. Templates get both: these and the structured lists.
extension PostmortemReport {
    static func markdown(_ day: Day) -> String {
        day.lines.map { "- \($0.time) \($0.text) — \($0.author)" }.joined(separator: "\n")
    }

    var checklistMarkdown: String {
        checklist.map { row in
            switch row.state {
            case "done": return "- [x] \(row.item) — \(row.time) UTC, \(row.author)"
            case "skipped":
                let reason = row.reason.isEmpty ? "" : " (\(row.reason))"
                return "- [ ] ~~\(row.item)~~ skipped\(reason) — \(row.time) UTC, \(row.author)"
            case "untouched": return "- [ ] \(row.item) — never touched"
            default: return "- [ ] \(row.item) — not done (unticked)"
            }
        }.joined(separator: "\n")
    }

    /// A walk's steps as table rows: step, state, when, by, how long it took.
    var stepsMarkdown: String {
        checklist.map { row in
            let state = row.state == "skipped" && !row.reason.isEmpty ? "skipped (\(Self.cell(row.reason)))" : row.state
            let when = row.time.isEmpty ? "—" : row.time
            return "| \(Self.cell(row.item)) | \(state) | \(when) | \(row.author.isEmpty ? "—" : row.author) | "
                + "\(row.took.isEmpty ? "—" : row.took) |"
        }.joined(separator: "\n")
    }

    var commandsMarkdown: String {
        commands.map {
            let key = $0.keyLine.isEmpty ? "—" : "`\(Self.cell($0.keyLine))`"
            return "| \($0.time) | `\(Self.cell($0.command))` | \($0.exit) | \($0.duration) | \(key) | \($0.output) |"
        }.joined(separator: "\n")
    }

    var breachesMarkdown: String {
        breaches.map {
            "| \($0.metric) | \($0.level) | \($0.threshold) | \($0.peak) | \($0.breaches) | \($0.firstBreach) | "
                + "\($0.recovered) |"
        }.joined(separator: "\n")
    }

    var notesMarkdown: String {
        notes.map { "- \($0.time) UTC, \($0.author): \($0.text)" }.joined(separator: "\n")
    }

    /// A table cell: `|` would end the cell (a shell pipeline), a line break the row.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    var followUpsMarkdown: String {
        followUps.map { f in
            let box = f.state == "open" ? "[ ]" : "[x]"
            let state = f.state == "open" ? "" : " (\(f.state))"
            let owner = f.owner == "—" ? "no owner" : "owner: \(f.owner)"
            return "- \(box) #\(f.id) \(f.text) — \(owner)\(state)"
        }.joined(separator: "\n")
    }

    var actionItemsMarkdown: String {
        actionItems.map { "- [ ] \($0.text) (\($0.author), \($0.time) UTC)" }.joined(separator: "\n")
    }
}
