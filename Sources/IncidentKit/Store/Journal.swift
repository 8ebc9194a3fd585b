import Foundation

/// The incident journal, whatever engine keeps it: every command, the console, the runner, the
/// metrics writer and the alert intake go through this interface. Two engines implement it:
/// `SQLiteJournal` (one file, one machine, the default) and `PostgresJournal` (a shared server, in
/// its own target). Both give the same ids (`INC-YYYYMMDD-N`), events and payloads.
///
/// Requirements are the few operations an engine must do itself; everything built from them
/// (typed appends, severity/status/roles, command records, reconciliation) is shared in
/// `Journal+Shared.swift`, so the engines cannot drift apart.
public protocol Journal: AnyObject, Sendable {
    /// The local folder of this machine's state: command outputs, running process groups,
    /// redaction patterns (and, for a server journal, its offline outbox).
    var location: StoreLocation { get }
    /// The redactor this journal applies to everything it stores.
    var storedRedactor: Redactor { get }
    /// Where the events live, for messages: a path, or a URL without its password.
    var storeDescription: String { get }
    /// The time stamped on new events (tests pass a fixed clock).
    func now() -> Date
    /// Events kept on this machine until the journal's server can be reached (0 for a local file).
    var waitingEvents: Int { get }

    /// Opens a new incident (status and payload from `payload`) and records its `opened` event.
    func createIncident(_ payload: OpenedPayload, author: String) throws -> Incident
    /// Every incident, newest first; open ones only unless `includeResolved`.
    func listIncidents(includeResolved: Bool) throws -> [Incident]
    /// The incident `id` (any case), or `JournalError.unknownIncident` listing the known ones.
    func incident(_ id: String) throws -> Incident
    /// Events of `incident` in commit order, optionally after an id, from a time, of some kinds.
    func fetchEvents(incident: String, after: Int64?, since: Date?, kinds: Set<EventKind>?) throws -> [TimelineEvent]
    /// The id of the incident's last committed event (0 when it has none).
    func lastEventID(incident: String) throws -> Int64
    /// Appends one event whose payload is already encoded and redacted; returns it once committed.
    /// Kinds that change state (`EventKind.changesState`) update the incident in the same transaction.
    func appendRedacted(_ kind: EventKind, json: String, to incident: String, author: String) throws -> TimelineEvent

    /// See `SQLiteJournal.recordAlerts`: one delivery of an alert group, in one transaction.
    func recordAlerts(
        groupKey: String, alerts: [AlertArrival], opening: OpenedPayload,
        values: [String: String], via: String, author: String
    ) throws -> AlertOutcome
    /// Every alert received, newest first.
    func alerts() throws -> [AlertRow]
    /// The incident of the alert with this fingerprint (or a unique prefix of it).
    func incident(forAlert fingerprint: String) throws -> String?

    /// New events of `incident` after id `after`, from any writer anywhere, as they are committed.
    func watchEvents(incident: String, after: Int64, interval: Duration) -> AsyncThrowingStream<
        TimelineEvent, any Error
    >
}
