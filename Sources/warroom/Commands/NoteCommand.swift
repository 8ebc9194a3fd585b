import ArgumentParser
import Foundation
import IncidentKit

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add a note to an incident's timeline (default: the newest open incident).",
        discussion: "Notes starting with `TODO:` or `action:` become action items in the postmortem. "
            + "Use `-` to read the note from standard input.")

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Argument(help: "The note's words, or `-` for standard input.")
    var text: [String]

    @OptionGroup var store: StoreOptions

    func run() throws {
        var note = text.joined(separator: " ")
        if text == ["-"] {
            note = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            printError("warroom: the note is empty")
            throw ExitCode(1)
        }
        try reportingErrors {
            let journal = try store.journal()
            let target = try journal.incident(orNewestOpen: incident)
            let event = try journal.append(NotePayload(text: note), to: target.id, author: store.authorName)
            print("\(target.id) #\(event.id)")
        }
    }
}
