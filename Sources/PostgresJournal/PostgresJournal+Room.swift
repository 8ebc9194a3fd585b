import Foundation
import IncidentKit
import PostgresNIO

/// Presence and step claims on the server. Presence is a row per console with an expiry in the
/// server's time (so machines' clocks do not matter). A claim is a session-level advisory lock
/// held on a connection of its own (`PostgresClaims`): a console that dies loses its lock with its
/// session, and the next claimer takes the step over; a console that only lost its connection
/// takes its locks again at its next heartbeat, unless another took the step meanwhile. A row
/// beside it says who holds it and since when, for the others to read.
extension PostgresSchema {
    /// Version 2: who is in the room, who holds which step.
    static let roomStatements = [
        """
        CREATE TABLE room_member (
            member text PRIMARY KEY,
            incident text NOT NULL,
            name text NOT NULL,
            host text NOT NULL,
            pid integer NOT NULL,
            since bigint NOT NULL,
            expires bigint NOT NULL
        )
        """,
        "CREATE INDEX room_member_by_incident ON room_member(incident)",
        """
        CREATE TABLE step_claim (
            incident text NOT NULL,
            step text NOT NULL,
            member text NOT NULL,
            name text NOT NULL,
            host text NOT NULL,
            pid integer NOT NULL,
            command text NOT NULL,
            since bigint NOT NULL,
            PRIMARY KEY (incident, step)
        )
        """
    ]
}

extension PostgresJournal {
    /// The server's time in epoch milliseconds.
    static let serverNow = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint"

    public func heartbeat(_ member: RoomMember, incident: String, expiresAfter: TimeInterval) throws {
        let ttl = Int64(expiresAfter * 1000)
        try session.mapped {
            try session.run(
                """
                INSERT INTO room_member (member, incident, name, host, pid, since, expires)
                VALUES (\(member.id), \(incident.uppercased()), \(member.name), \(member.host), \(member.pid),
                        \(unescaped: Self.serverNow), \(unescaped: Self.serverNow) + \(ttl))
                ON CONFLICT (member) DO UPDATE SET expires = excluded.expires
                """)
            _ = try session.run("DELETE FROM room_member WHERE expires < \(unescaped: Self.serverNow) - 3600000")
        }
        try claimSession.keepHeld()
    }

    public func leave(_ memberID: String, incident: String) throws {
        try claimSession.releaseAll(memberID: memberID, url: url)
        try session.mapped {
            _ = try session.run("DELETE FROM room_member WHERE member = \(memberID)")
        }
    }

    /// In order of joining; consoles that joined in the same millisecond are listed by name.
    public func members(incident: String) throws -> [RoomMember] {
        try session.mapped {
            try session.run(
                """
                SELECT member, name, host, pid, since FROM room_member
                WHERE incident = \(incident.uppercased()) AND expires > \(unescaped: Self.serverNow)
                ORDER BY since, name, member
                """
            )
            .map { row in
                let (id, name, host, pid, since) = try row.decode((String, String, String, Int32, Int64).self)
                return RoomMember(id: id, name: name, host: host, pid: pid, since: Timestamp.date(milliseconds: since))
            }
        }
    }

    public func claim(step: String, command: String, by member: RoomMember, incident: String) throws -> StepClaim? {
        try claimSession.claim(step: step, command: command, by: member, incident: incident.uppercased(), url: url)
    }

    public func release(step: String, by memberID: String, incident: String) throws {
        try claimSession.release(step: step, by: memberID, incident: incident.uppercased(), url: url)
    }

    /// Claims whose lock is held now (a crashed holder's row stays behind until the step is claimed again).
    public func claims(incident: String) throws -> [StepClaim] {
        try session.mapped {
            try session.run(
                """
                SELECT c.step, c.member, c.name, c.host, c.pid, c.command, c.since, m.since
                FROM step_claim c LEFT JOIN room_member m ON m.member = c.member
                WHERE c.incident = \(incident.uppercased())
                  AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                              AND ((l.classid::bigint << 32) | l.objid::bigint)
                                  = hashtextextended(c.incident || E'\\n' || c.step, 0))
                ORDER BY c.since, c.step
                """
            )
            .map(PostgresClaims.claim(from:))
        }
    }
}
