import Foundation
import IncidentKit
import PostgresNIO

/// The connection that holds this journal's claims (advisory locks belong to a session), and how
/// many times each step is claimed by this console (the lock is taken once, released at zero).
///
/// A lost connection (a server restart, a network cut) takes its locks with it while this console's
/// runs go on. So the locks are taken again on the next connection, at the next claim or heartbeat
/// (`keepHeld`), with their rows; a step another console took meanwhile is no longer this one's.
final class PostgresClaims: @unchecked Sendable {
    /// One step this console holds.
    private struct Held {
        var count: Int
        var incident: String
        var step: String
        var command: String
        var member: RoomMember
    }

    // Guards all three, and keeps a claim's statements together.
    private let lock = NSLock()
    private var session: PostgresSession?
    private var held: [String: Held] = [:]
    /// The connection the held locks were taken on (`PostgresSession.generation`).
    private var lockedOn: Int?

    /// The lock's key: the server hashes incident and step to the bigint advisory locks take.
    private static func key(_ incident: String, _ step: String) -> String { incident + "\n" + step }

    func claim(
        step: String, command: String, by member: RoomMember, incident: String,
        url: PostgresStoreURL
    ) throws -> StepClaim? {
        let key = Self.key(incident, step)
        return try lock.withLock {
            let session = self.session ?? PostgresSession(url: url)
            self.session = session
            return try session.mapped {
                try session.withConnection { connection -> StepClaim? in
                    try retake(connection, session)
                    if held[key] != nil {
                        held[key]?.count += 1
                        return nil
                    }
                    guard try take(key, connection, session) else {
                        let row = try connection.run(
                            """
                            SELECT c.step, c.member, c.name, c.host, c.pid, c.command, c.since, m.since
                            FROM step_claim c LEFT JOIN room_member m ON m.member = c.member
                            WHERE c.incident = \(incident) AND c.step = \(step)
                            """, logger: session.logger
                        ).first
                        // Its holder has the lock but not yet its row: say so without a name.
                        return try row.map(Self.claim(from:))
                            ?? StepClaim(
                                step: step, holder: RoomMember(id: "", name: "another console", host: "", pid: 0),
                                since: Date(), command: command)
                    }
                    let claim = Held(count: 1, incident: incident, step: step, command: command, member: member)
                    do {
                        try writeRow(claim, connection, session)
                    } catch {
                        _ = try? connection.run(
                            "SELECT pg_advisory_unlock(hashtextextended(\(key), 0))", logger: session.logger)
                        throw error
                    }
                    held[key] = claim
                    return nil
                }
            }
        }
    }

    /// With the heartbeat: when the claims connection was lost, takes the held steps again now.
    func keepHeld() throws {
        try lock.withLock {
            guard !held.isEmpty, let session else { return }
            // A connection that died without our noticing fails this probe and is dropped.
            _ = try? session.withConnection { try $0.run("SELECT 1", logger: session.logger) }
            try session.mapped { try session.withConnection { try retake($0, session) } }
        }
    }

    func release(step: String, by memberID: String, incident: String, url: PostgresStoreURL) throws {
        let key = Self.key(incident, step)
        try lock.withLock {
            guard let claim = held[key] else { return }
            guard claim.count == 1 else {
                held[key]?.count -= 1
                return
            }
            held[key] = nil
            guard let session else { return }
            try session.mapped {
                try session.withConnection { connection in
                    try connection.run(
                        """
                        DELETE FROM step_claim
                        WHERE incident = \(incident) AND step = \(step) AND member = \(memberID)
                        """,
                        logger: session.logger)
                    try connection.run("SELECT pg_advisory_unlock(hashtextextended(\(key), 0))", logger: session.logger)
                }
            }
        }
    }

    /// On leaving: every claim of this console goes, rows and locks.
    func releaseAll(memberID: String, url: PostgresStoreURL) throws {
        try lock.withLock {
            held = [:]
            guard let session else { return }
            try session.mapped {
                try session.withConnection { connection in
                    try connection.run("DELETE FROM step_claim WHERE member = \(memberID)", logger: session.logger)
                    try connection.run("SELECT pg_advisory_unlock_all()", logger: session.logger)
                }
            }
        }
    }

    /// On a connection other than the one the held locks were taken on, takes them again (rows too);
    /// a step another console took meanwhile is dropped from `held`. Called with `lock` held.
    private func retake(_ connection: PostgresConnection, _ session: PostgresSession) throws {
        // Read inside the session's `withConnection`, so it is the generation of `connection`.
        let current = session.generation
        guard lockedOn != current else { return }
        for (key, claim) in held {
            if try take(key, connection, session) {
                try writeRow(claim, connection, session)
            } else {
                held[key] = nil
            }
        }
        lockedOn = current
    }

    private func take(_ key: String, _ connection: PostgresConnection, _ session: PostgresSession) throws -> Bool {
        try connection.run("SELECT pg_try_advisory_lock(hashtextextended(\(key), 0))", logger: session.logger)
            .first?.decode(Bool.self) ?? false
    }

    /// Who holds the step, for the others to read (a new claim's time is the server's now).
    private func writeRow(_ claim: Held, _ connection: PostgresConnection, _ session: PostgresSession) throws {
        let member = claim.member
        try connection.run(
            """
            INSERT INTO step_claim (incident, step, member, name, host, pid, command, since)
            VALUES (\(claim.incident), \(claim.step), \(member.id), \(member.name), \(member.host), \(member.pid),
                    \(claim.command), \(unescaped: PostgresJournal.serverNow))
            ON CONFLICT (incident, step) DO UPDATE SET member = excluded.member, name = excluded.name,
                host = excluded.host, pid = excluded.pid, command = excluded.command,
                since = CASE WHEN step_claim.member = excluded.member THEN step_claim.since ELSE excluded.since END
            """, logger: session.logger)
    }

    static func claim(from row: PostgresRow) throws -> StepClaim {
        let (step, member, name, host, pid, command, since, joined) = try row.decode(
            (String, String, String, String, Int32, String, Int64, Int64?).self)
        let claimed = Timestamp.date(milliseconds: since)
        return StepClaim(
            step: step,
            holder: RoomMember(
                id: member, name: name, host: host, pid: pid,
                since: joined.map { Timestamp.date(milliseconds: $0) } ?? claimed),
            since: claimed, command: command)
    }
}
