import Foundation

/// One console in an incident's room: who, where, since when. Kept apart from the events (a
/// heartbeat every few seconds would flood the timeline): a row per console, renewed while it is
/// open and dropped when it quits or its renewal lapses (a console killed with -9).
public struct RoomMember: Sendable, Equatable {
    /// This console: a fresh id each time one opens (the same person may have two open).
    public var id: String
    public var name: String
    public var host: String
    public var pid: Int32
    /// When it joined (the first heartbeat; the engine's clock).
    public var since: Date

    /// This machine's short host name (as in the default author `user@host`).
    public static var thisHost: String { Author.hostName() }

    public init(id: String = UUID().uuidString, name: String, host: String, pid: Int32 = getpid(), since: Date = Date())
    {
        self.id = id
        self.name = name
        self.host = host
        self.pid = pid
        self.since = since
    }
}

/// A step held by one console while it runs a `change` or `destructive` command of it.
public struct StepClaim: Sendable, Equatable {
    /// What is claimed: the step's key (see `ClaimKey` in the console).
    public var step: String
    /// The holder (its `since` is when it joined the room).
    public var holder: RoomMember
    /// When the claim was taken.
    public var since: Date
    /// The command being run, as shown (secrets masked).
    public var command: String

    public init(step: String, holder: RoomMember, since: Date, command: String) {
        self.step = step
        self.holder = holder
        self.since = since
        self.command = command
    }
}

/// Presence and step claims, which every journal engine provides (see `SQLiteJournal+Room` and
/// `PostgresJournal+Room`). Nothing here is an event: it is who is there now, not the record.
public protocol JournalRoom: Sendable {
    /// Announces `member` in the incident's room, or renews it: it counts as present for
    /// `expiresAfter` seconds from now, unless renewed or left.
    func heartbeat(_ member: RoomMember, incident: String, expiresAfter: TimeInterval) throws
    /// Leaves the room: the member's row goes, and so do its claims.
    func leave(_ memberID: String, incident: String) throws
    /// The consoles present now, in the order they joined.
    func members(incident: String) throws -> [RoomMember]
    /// Claims `step` for `member`: nil when it is now the member's (again: claims count up),
    /// else the live claim that holds it.
    func claim(step: String, command: String, by member: RoomMember, incident: String) throws -> StepClaim?
    /// Gives back one claim of `step` taken by `memberID` (the step is free once every claim is given back).
    func release(step: String, by memberID: String, incident: String) throws
    /// The claims held now by consoles still present, oldest first.
    func claims(incident: String) throws -> [StepClaim]
}

/// Whether process `pid` of this host still runs (EPERM: it runs, as someone else).
func processIsAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
}
