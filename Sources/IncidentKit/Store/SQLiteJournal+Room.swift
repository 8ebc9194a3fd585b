import Foundation
import GRDB

/// Presence and step claims on SQLite: every console of this machine shares the file. A member
/// counts while its heartbeat has not lapsed and, on this host, while its process runs (so a console
/// killed with -9 drops out at once here, after the expiry elsewhere). A claim is a row; it holds
/// while its holder counts as present by the same rule.
extension SQLiteJournal {
    static let roomSchema = """
        CREATE TABLE room_member (
            member TEXT PRIMARY KEY NOT NULL,
            incident TEXT NOT NULL,
            name TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            since INTEGER NOT NULL,
            expires INTEGER NOT NULL
        );
        CREATE INDEX room_member_by_incident ON room_member(incident);
        CREATE TABLE step_claim (
            incident TEXT NOT NULL,
            step TEXT NOT NULL,
            member TEXT NOT NULL,
            name TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            claims INTEGER NOT NULL,
            command TEXT NOT NULL,
            since INTEGER NOT NULL,
            PRIMARY KEY (incident, step)
        );
        """

    public func heartbeat(_ member: RoomMember, incident: String, expiresAfter: TimeInterval) throws {
        let now = Timestamp.milliseconds(clock())
        let expires = now + Int64(expiresAfter * 1000)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO room_member (member, incident, name, host, pid, since, expires) VALUES (?, ?, ?, ?,
                    ?, ?, ?)
                    ON CONFLICT(member) DO UPDATE SET expires = excluded.expires
                    """,
                arguments: [member.id, incident.uppercased(), member.name, member.host, member.pid, now, expires])
            // Rows of consoles gone for an hour are of no use to anyone.
            try db.execute(sql: "DELETE FROM room_member WHERE expires < ?", arguments: [now - 3_600_000])
        }
    }

    public func leave(_ memberID: String, incident: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM room_member WHERE member = ?", arguments: [memberID])
            try db.execute(sql: "DELETE FROM step_claim WHERE member = ?", arguments: [memberID])
        }
    }

    /// In order of joining; consoles that joined in the same millisecond are listed by name.
    public func members(incident: String) throws -> [RoomMember] {
        let now = Timestamp.milliseconds(clock())
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT member, name, host, pid, since FROM room_member WHERE incident = ? AND expires > ?
                    ORDER BY since, name, member
                    """, arguments: [incident.uppercased(), now]
            )
            .map { row in
                RoomMember(
                    id: row["member"], name: row["name"], host: row["host"], pid: row["pid"],
                    since: Timestamp.date(milliseconds: row["since"]))
            }
            .filter(Self.runs)
        }
    }

    public func claim(step: String, command: String, by member: RoomMember, incident: String) throws -> StepClaim? {
        let now = clock()
        let id = incident.uppercased()
        return try write { db in
            if let held = try Self.claimRow(db, incident: id, step: step, now: now) {
                if held.holder.id == member.id {
                    try db.execute(
                        sql: "UPDATE step_claim SET claims = claims + 1 WHERE incident = ? AND step = ?",
                        arguments: [id, step])
                    return nil
                }
                return held
            }
            // Free, or held by a console that is gone: it is this member's now.
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO step_claim (incident, step, member, name, host, pid, claims, command, since)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
                    """,
                arguments: [
                    id, step, member.id, member.name, member.host, member.pid, command,
                    Timestamp.milliseconds(now)
                ])
            return nil
        }
    }

    public func release(step: String, by memberID: String, incident: String) throws {
        let id = incident.uppercased()
        try write { db in
            try db.execute(
                sql: "UPDATE step_claim SET claims = claims - 1 WHERE incident = ? AND step = ? AND member = ?",
                arguments: [id, step, memberID])
            try db.execute(
                sql: "DELETE FROM step_claim WHERE incident = ? AND step = ? AND claims <= 0",
                arguments: [id, step])
        }
    }

    public func claims(incident: String) throws -> [StepClaim] {
        let now = clock()
        return try read { db in
            let steps = try String.fetchAll(
                db, sql: "SELECT step FROM step_claim WHERE incident = ? ORDER BY since, step",
                arguments: [incident.uppercased()])
            return try steps.compactMap { try Self.claimRow(db, incident: incident.uppercased(), step: $0, now: now) }
        }
    }

    /// The claim on `step` if its holder is still present, else nil.
    static func claimRow(_ db: Database, incident: String, step: String, now: Date) throws -> StepClaim? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.member, c.name, c.host, c.pid, c.command, c.since, m.since AS joined, m.expires
                    FROM step_claim c LEFT JOIN room_member m ON m.member = c.member
                    WHERE c.incident = ? AND c.step = ?
                    """, arguments: [incident, step])
        else { return nil }
        let expires: Int64? = row["expires"]
        guard let expires, expires > Timestamp.milliseconds(now) else { return nil }
        let since = Timestamp.date(milliseconds: row["since"])
        let joined: Int64? = row["joined"]
        let holder = RoomMember(
            id: row["member"], name: row["name"], host: row["host"], pid: row["pid"],
            since: joined.map { Timestamp.date(milliseconds: $0) } ?? since)
        guard runs(holder) else { return nil }
        return StepClaim(step: step, holder: holder, since: since, command: row["command"])
    }

    /// A member of this host counts only while its process runs; another host's, until its expiry.
    static func runs(_ member: RoomMember) -> Bool {
        member.host != RoomMember.thisHost || processIsAlive(member.pid)
    }
}
