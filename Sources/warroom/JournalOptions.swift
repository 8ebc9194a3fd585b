import ArgumentParser
import Foundation
import IncidentKit
import PostgresJournal
import RunbookKit

/// Options every journal command shares: where the store is and who is writing.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The store: a folder (SQLite) or postgres://user@host:5432/db (a shared server) "
                + "(default: $WARROOM_STORE, else $XDG_DATA_HOME/warroom, else ~/.local/share/warroom).",
            valueName: "DIR|URL"))
    var store: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "The author of new events (default: $WARROOM_AUTHOR, else user@host).", valueName: "NAME"))
    var author: String?

    var authorName: String { Author.current(override: author) }

    /// Opens the journal, with the store's extra redaction patterns (`redact.patterns`, one regex a line)
    /// and `configured` ones (a `warroom.yaml`'s `redact:`, already checked when the config was read).
    func journal(redacting configured: [String] = []) throws -> any Journal {
        let server = try serverURL()
        let location = localLocation(server: server)
        let extra = Self.patterns(in: location.redactionPatternsURL)
        let remembered = Self.patterns(in: location.configuredPatternsURL)
        let redactor: Redactor
        do {
            redactor = try Redactor(extra: extra + remembered + configured.filter { !remembered.contains($0) })
        } catch {
            throw JournalError.invalidValue(
                what: "pattern in \(location.redactionPatternsURL.path)",
                value: "\(error)", valid: ["regular expressions"])
        }
        let journal: any Journal
        if let server {
            journal = try PostgresJournal(url: server, location: location, redactor: redactor)
        } else {
            let timeout = ProcessInfo.processInfo.environment["WARROOM_BUSY_TIMEOUT"].flatMap(Double.init) ?? 5
            journal = try SQLiteJournal(location: location, redactor: redactor, busyTimeout: timeout)
        }
        remember(configured.filter { !remembered.contains($0) }, in: location)
        return journal
    }

    /// The journal for a command that only reads (timeline, postmortem, incident list/show): a
    /// store this process may not write (read-only folder, a newer warroom's schema) is still read.
    func readingJournal() throws -> any Journal {
        if try serverURL() != nil { return try journal() }
        do {
            return try journal()
        } catch let error as JournalError {
            switch error {
            case .readOnly, .newerSchema:
                let location = StoreLocation.resolve(option: store)
                let extra =
                    Self.patterns(in: location.redactionPatternsURL) + Self.patterns(in: location.configuredPatternsURL)
                return try SQLiteJournal(readingOnly: location, redactor: (try? Redactor(extra: extra)) ?? .standard)
            default: throw error
            }
        }
    }

    /// The journal server when `--store` (else `$WARROOM_STORE`) is a `postgres://` URL; nil for a folder.
    func serverURL() throws -> PostgresStoreURL? {
        let environment = ProcessInfo.processInfo.environment
        let text = store.flatMap { $0.isEmpty ? nil : $0 } ?? environment["WARROOM_STORE"]
        guard let text, PostgresStoreURL.isPostgres(text) else { return nil }
        return try PostgresStoreURL(text, environment: environment)
    }

    /// This machine's folder: the SQLite store itself, or beside a server journal the default
    /// folder ($XDG_DATA_HOME/warroom, else ~/.local/share/warroom) for outputs and patterns.
    func localLocation(server: PostgresStoreURL?) -> StoreLocation {
        guard server != nil else { return StoreLocation.resolve(option: store) }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "WARROOM_STORE" }
        return StoreLocation.resolve(option: nil, environment: environment)
    }

    /// One regular expression a line; blank lines and `#` comments skipped.
    static func patterns(in url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Adds a config's `redact:` patterns to the store's remembered ones (0600, appended), so the
    /// next `warroom note` on this store redacts them too. Best effort: the journal already has them.
    func remember(_ new: [String], in location: StoreLocation) {
        guard !new.isEmpty else { return }
        let path = location.configuredPatternsURL.path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(new.map { $0 + "\n" }.joined().utf8)
        _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
    }
}

/// Runs a command body, turning warroom's errors into one `warroom: …` line on stderr and exit 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as JournalError {
        printError("warroom: \(error)")
        throw ExitCode(1)
    } catch let error as RunbookReadError {
        printError("warroom: \(error)")
        throw ExitCode(1)
    } catch let error as RunbookFile.NotAFile {
        printError("warroom: \(error)")
        throw ExitCode(1)
    }
}

/// The severities an incident may take: its runbook's levels when the file is still readable.
func severityRules(runbookPath: String?) throws -> SeverityRules {
    guard let runbookPath else { return SeverityRules(runbook: nil) }
    guard FileManager.default.fileExists(atPath: runbookPath) else { return SeverityRules(runbook: nil) }
    return SeverityRules(runbook: try RunbookFile.read(runbookPath))
}

/// Writes and flushes at once: `--follow` output is read live through pipes.
func printFlushed(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// `INC-20261122-1`-shaped words, so that an optional leading positional id can be told apart.
func looksLikeIncidentID(_ text: String) -> Bool {
    text.uppercased().hasPrefix("INC-")
}

enum IncidentJSON {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamp.iso(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
