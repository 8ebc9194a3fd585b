import ArgumentParser
import Foundation
import IncidentKit

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print an incident's timeline; --follow keeps printing new events from any writer until Ctrl-C.")

    @Argument(help: "The incident id (default: the newest open incident, else the newest).")
    var id: String?

    @Option(help: ArgumentHelp("The incident id.", valueName: "ID"))
    var incident: String?

    @Flag(help: "Print JSON lines, one event per line.")
    var json = false

    @Flag(help: "Keep printing new events as they are committed, like tail -f.")
    var follow = false

    @Option(
        help: ArgumentHelp(
            "Only events of this kind (snake_case, e.g. note, command_finished). Repeatable.",
            valueName: "K"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("Only events from this long ago: 30s, 10m, 2h, 1d.", valueName: "DURATION"))
    var since: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (journal, target, kinds, from) = try reportingErrors {
            () throws -> (any Journal, Incident, Set<EventKind>?, Date?) in
            let kinds = kind.isEmpty ? nil : Set(try kind.map(EventKind.parse))
            var from: Date?
            if let since {
                guard let seconds = Durations.parse(since) else {
                    throw JournalError.invalidValue(what: "duration", value: since, valid: ["30s", "10m", "2h", "1d"])
                }
                from = Date().addingTimeInterval(-seconds)
            }
            let journal = try store.readingJournal()
            return (journal, try journal.incident(orNewestOpen: id ?? incident, orResolved: true), kinds, from)
        }
        // Where following resumes is read before the listing, so that nothing committed in between
        // is missed; what both see is printed once.
        let resume = try reportingErrors { try journal.lastEventID(incident: target.id) }
        let events = try reportingErrors { try journal.events(incident: target.id, since: from, kinds: kinds) }
        for event in events { printFlushed(TerminalText.clean(line(event))) }
        guard follow else { return }
        let printed = events.last?.id ?? 0
        do {
            for try await event in journal.watch(incident: target.id, after: resume) {
                if event.id <= printed { continue }
                if let kinds, !kinds.contains(event.kind) { continue }
                printFlushed(TerminalText.clean(line(event)))
            }
        } catch let error as JournalError {
            printError("warroom: \(error)")
            throw ExitCode(1)
        }
    }

    func line(_ event: TimelineEvent) -> String {
        if json { return event.jsonLine }
        let time = Timestamp.iso(event.time)
        let stamp = time.dropFirst(11).prefix(8)
        return "\(time.prefix(10)) \(stamp)  #\(event.id)  \(event.author)  \(EventText.describe(event))"
    }
}
