import ArgumentParser
import Foundation
import IncidentKit

/// Appends `count` notes, printing each event id once its append has returned (committed).
struct DebugAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append", abstract: "Append numbered notes as fast as possible.")

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Option(help: "How many events.")
    var count = 1000

    @Option(help: "Text before each note's number.")
    var prefix = "stress"

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let journal = try store.journal()
            let target = try journal.incident(orNewestOpen: incident)
            for i in 0..<count {
                let event = try journal.append(
                    NotePayload(text: "\(prefix) \(i)"), to: target.id,
                    author: store.authorName)
                printFlushed(String(event.id))
            }
        }
    }
}
