import ArgumentParser
import Foundation
import IncidentKit

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List an incident's follow-ups: id, state, owner, text (also notes starting `TODO:` or `action:`).")

    @Argument(help: "The incident id (default: the newest open incident, else the newest).")
    var id: String?

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Flag(help: "Only the open ones.")
    var open = false

    @Flag(help: "One JSON array.")
    var json = false

    @Flag(help: "CSV with a header row (id,state,owner,text,added,added_by,closed,closed_by,reason).")
    var csv = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        try reportingErrors {
            let journal = try store.readingJournal()
            let target = try journal.incident(orNewestOpen: id ?? incident, orResolved: true)
            let all = FollowUp.fold(try journal.events(incident: target.id))
            let shown = open ? all.filter(\.isOpen) : all
            if json {
                print(try IncidentJSON.encode(shown))
            } else if csv {
                print("id,state,owner,text,added,added_by,closed,closed_by,reason")
                for f in shown {
                    let fields = [
                        "\(f.id)", f.state, f.owner ?? "", f.text, Timestamp.iso(f.addedAt), f.addedBy,
                        f.closedAt.map(Timestamp.iso) ?? "", f.closedBy ?? "", f.reason ?? ""
                    ]
                    print(fields.map(Self.csvField).joined(separator: ","))
                }
            } else if shown.isEmpty {
                print(
                    "\(target.id): no \(open ? "open " : "")follow-ups (add one with warroom action \"TEXT\" --owner NAME)"
                )
            } else {
                for f in shown {
                    let owner = f.owner.map { "@\($0)" } ?? "(no owner)"
                    print("#\(f.id)\t\(f.state)\t" + TerminalText.oneLine(owner) + "\t" + TerminalText.oneLine(f.text))
                }
            }
        }
    }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet shows it as text.
    static func csvField(_ value: String) -> String {
        var v = value
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
