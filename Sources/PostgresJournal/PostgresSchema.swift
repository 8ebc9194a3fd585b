import IncidentKit
import PostgresNIO

/// The journal's tables on the server, grown by numbered versions recorded in `warroom_schema`.
/// The same columns as the SQLite schema (times in epoch milliseconds), so payloads and ids match.
enum PostgresSchema {
    /// The newest version this warroom knows; a server at a higher one is refused for writing.
    static let version = 3

    /// Every journal write holds this transaction-level advisory lock: appends are serialised,
    /// so event ids (from a sequence) increase in commit order and a reader that resumes after
    /// its last seen id never skips a slower transaction's event.
    static let writeLock: Int64 = 0x7761_7272_6F6F_6D01
    /// Held while a schema is created or upgraded, so two first writers do not both create it.
    static let migrationLock: Int64 = 0x7761_7272_6F6F_6D02
    /// The channel `pg_notify` announces each event on: payload `<incident> <event id>`.
    static let channel = "warroom_events"

    /// Each version's statements, one a string (the extended protocol takes one statement at a time).
    static let versions: [Int: [String]] = [
        1: [
            """
            CREATE TABLE incident (
                id text PRIMARY KEY,
                seq bigint NOT NULL UNIQUE,
                title text NOT NULL,
                runbook_path text,
                runbook_hash text,
                runbook_section text,
                severity text NOT NULL,
                status text NOT NULL,
                roles text NOT NULL DEFAULT '{}',
                started_at bigint NOT NULL,
                resolved_at bigint
            )
            """,
            """
            CREATE TABLE event (
                id bigserial PRIMARY KEY,
                incident text NOT NULL REFERENCES incident(id),
                time bigint NOT NULL,
                author text NOT NULL,
                kind text NOT NULL,
                payload text NOT NULL,
                -- Chosen by the writer: an event pushed again from an outbox is recognised, not repeated.
                writer_key text UNIQUE,
                -- When the server took it: later than `time` for an event that waited offline.
                received_at bigint NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint
            )
            """,
            "CREATE INDEX event_by_incident ON event(incident, id)",
            """
            CREATE TABLE alert_group (
                key text PRIMARY KEY,
                incident text NOT NULL REFERENCES incident(id),
                created_at bigint NOT NULL
            )
            """,
            """
            CREATE TABLE alert (
                fingerprint text PRIMARY KEY,
                incident text NOT NULL REFERENCES incident(id),
                group_key text NOT NULL,
                alertname text,
                status text NOT NULL,
                labels text NOT NULL,
                annotations text NOT NULL,
                starts_at text,
                first_seen bigint NOT NULL,
                last_seen bigint NOT NULL,
                via text NOT NULL
            )
            """,
            "CREATE INDEX alert_by_incident ON alert(incident)",
            """
            -- One append, one round trip, one transaction: lock, insert, announce. The notification is
            -- delivered at commit, so a listener never hears of an event it cannot read yet.
            -- An event whose key the server already has is not inserted again: its id is returned.
            CREATE FUNCTION warroom_append(p_incident text, p_time bigint, p_author text, p_kind text, p_payload text,
                                           p_key text)
            RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE new_id bigint;
            BEGIN
                PERFORM pg_advisory_xact_lock(\(writeLock));
                SELECT id INTO new_id FROM event WHERE writer_key = p_key;
                IF FOUND THEN RETURN new_id; END IF;
                INSERT INTO event (incident, time, author, kind, payload, writer_key)
                    VALUES (p_incident, p_time, p_author, p_kind, p_payload, p_key) RETURNING id INTO new_id;
                PERFORM pg_notify('\(channel)', p_incident || ' ' || new_id);
                RETURN new_id;
            END $$
            """
        ],
        2: roomStatements,
        3: [
            """
            -- An append whose answer proves its commit, in one round trip. A lone statement's completion
            -- is written before its commit (done at the protocol's Sync) and a server shutting down in
            -- between still flushes it, before its error: an event could look written and be lost.
            -- Here the COMMIT runs inside the call, before the answer is written.
            CREATE PROCEDURE warroom_append_committed(p_incident text, p_time bigint, p_author text, p_kind text,
                                                      p_payload text, p_key text, INOUT new_id bigint DEFAULT NULL)
            LANGUAGE plpgsql AS $$
            BEGIN
                new_id := warroom_append(p_incident, p_time, p_author, p_kind, p_payload, p_key);
                COMMIT;
            END $$
            """
        ]
    ]

    /// Creates or upgrades the schema, or refuses a newer one (before anything is written).
    static func migrate(_ session: PostgresSession) throws {
        try session.transaction { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: session.logger)
            try connection.run(
                """
                CREATE TABLE IF NOT EXISTS warroom_schema (
                    version integer PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: session.logger)
            let current =
                try connection.run(
                    "SELECT COALESCE(MAX(version), 0) FROM warroom_schema",
                    logger: session.logger
                )
                .first.map { try $0.decode(Int.self) } ?? 0
            if current > version {
                throw JournalError.newerSchema(path: session.url.redacted, unknown: ["version \(current)"])
            }
            for next in stride(from: current + 1, through: version, by: 1) {
                for statement in versions[next] ?? [] {
                    try connection.run(PostgresQuery(unsafeSQL: statement), logger: session.logger)
                }
                try connection.run("INSERT INTO warroom_schema (version) VALUES (\(next))", logger: session.logger)
            }
        }
    }
}
