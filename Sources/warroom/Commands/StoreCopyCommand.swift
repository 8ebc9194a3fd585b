import ArgumentParser
import Foundation
import IncidentKit

struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy incidents, their events and output files from one store to another (SQLite or PostgreSQL).",
        discussion: """
            FROM and TO are store folders (SQLite) or postgres:// URLs, as --store takes them. Events keep their \
            times, authors and payloads, in order; each incident is read back from TO and checked by hash. An \
            incident TO already has is left alone when identical and refused when different. Output files are \
            those of this machine: a PostgreSQL store's are in $XDG_DATA_HOME/warroom/outputs.
            """)

    @Argument(
        help: ArgumentHelp("The store to copy from: a folder or postgres://user@host:5432/db.", valueName: "FROM"))
    var from: String

    @Argument(help: ArgumentHelp("The store to copy to: a folder or postgres://user@host:5432/db.", valueName: "TO"))
    var to: String

    @Option(help: ArgumentHelp("Copy only this incident.", valueName: "ID"))
    var incident: String?

    func run() throws {
        do {
            let fromOptions = try StoreOptions.parse(["--store", from])
            if try fromOptions.serverURL() == nil {
                let database = StoreLocation.resolve(option: from).databaseURL
                guard FileManager.default.fileExists(atPath: database.path) else {
                    throw JournalError.database(path: database.path, detail: "no journal here to copy from")
                }
            }
            let source = try fromOptions.readingJournal()
            let target = try StoreOptions.parse(["--store", to]).journal()
            let outcomes = try StoreCopy.copy(from: source, to: target, incident: incident) { outcome in
                printFlushed(outcome.line)
            }
            let copied = outcomes.filter { !$0.alreadyThere }.count
            printFlushed(
                "\(copied) copied, \(outcomes.count - copied) already there, from \(source.storeDescription) "
                    + "to \(target.storeDescription)")
        } catch let error as StoreCopyError {
            printError("warroom: \(error)")
            throw ExitCode(1)
        } catch let error as JournalError {
            printError("warroom: \(error)")
            throw ExitCode(1)
        }
    }
}
