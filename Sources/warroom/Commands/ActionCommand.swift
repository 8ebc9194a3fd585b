import ArgumentParser
import Foundation
import IncidentKit

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Record a follow-up (action item) with an owner, or close one.",
        discussion: """
            Examples:
              warroom action "Add an alert on connection pool saturation" --owner alice
              warroom action "Rotate the API key @bob"        (the first @name is the owner)
              warroom action --close 42                       (done)
              warroom action --close 42 --reason "duplicate of INC-20261122-3"   (dropped)
            `warroom actions` lists them with their ids.
            """)

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Argument(help: "What is to be done.")
    var text: [String] = []

    @Option(help: ArgumentHelp("Who owns it.", valueName: "NAME"))
    var owner: String?

    @Option(help: ArgumentHelp("Close the follow-up with this id (from `warroom actions`).", valueName: "ID"))
    var close: Int64?

    @Option(help: ArgumentHelp("With --close: why it is dropped rather than done.", valueName: "TEXT"))
    var reason: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if close != nil, !text.isEmpty {
            throw ValidationError("--close takes no text: give either TEXT or --close ID")
        }
        if close == nil, text.isEmpty { throw ValidationError("give the follow-up's text, or --close ID") }
        if close == nil, reason != nil { throw ValidationError("--reason goes with --close") }
    }

    func run() throws {
        try reportingErrors {
            let journal = try store.journal()
            let target = try journal.incident(orNewestOpen: incident, orResolved: close != nil)
            if let close {
                let followUps = FollowUp.fold(try journal.events(incident: target.id))
                guard let found = followUps.first(where: { $0.id == close }) else {
                    let known = followUps.map { "#\($0.id)" }.joined(separator: ", ")
                    throw JournalError.invalidValue(
                        what: "follow-up id on \(target.id)", value: "\(close)",
                        valid: known.isEmpty ? ["none recorded"] : [known])
                }
                guard found.isOpen else {
                    printError("warroom: follow-up #\(close) is already \(found.state)")
                    throw ExitCode(1)
                }
                let event = try journal.append(
                    ActionClosedPayload(action: close, text: found.text, reason: reason),
                    to: target.id, author: store.authorName)
                print("\(target.id) #\(event.id) closed #\(close)" + (reason == nil ? " (done)" : " (dropped)"))
                return
            }
            let parsed = FollowUpText.parse(text.joined(separator: " "))
            let words = parsed.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !words.isEmpty else {
                printError("warroom: the follow-up's text is empty")
                throw ExitCode(1)
            }
            let who = (owner ?? parsed.owner).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
            let event = try journal.append(
                ActionAddedPayload(text: words, owner: who), to: target.id,
                author: store.authorName)
            print("\(target.id) #\(event.id)" + (who.map { " @\($0)" } ?? ""))
        }
    }
}
