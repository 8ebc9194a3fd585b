import GRDB

/// The journal's schema, grown only through migrations so that old stores open in new versions.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: incidents and events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE incident (
                        id TEXT PRIMARY KEY NOT NULL,
                        seq INTEGER NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        runbook_path TEXT,
                        runbook_hash TEXT,
                        severity TEXT NOT NULL,
                        status TEXT NOT NULL,
                        roles TEXT NOT NULL DEFAULT '{}',
                        started_at INTEGER NOT NULL,
                        resolved_at INTEGER
                    );
                    -- AUTOINCREMENT: ids are never reused, even after the last row is gone.
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        incident TEXT NOT NULL REFERENCES incident(id),
                        time INTEGER NOT NULL,
                        author TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        payload TEXT NOT NULL
                    );
                    CREATE INDEX event_by_incident ON event(incident, id);
                    """)
        }
        migrator.registerMigration("v2: alerts and their incidents") { db in
            // One row per alert group (Alertmanager's groupKey, else `fingerprint:<fp>`) and one per
            // alert: the primary keys make a repeat or a concurrent delivery find the incident the
            // first one opened instead of opening another.
            try db.execute(
                sql: """
                    ALTER TABLE incident ADD COLUMN runbook_section TEXT;
                    CREATE TABLE alert_group (
                        key TEXT PRIMARY KEY NOT NULL,
                        incident TEXT NOT NULL REFERENCES incident(id),
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE alert (
                        fingerprint TEXT PRIMARY KEY NOT NULL,
                        incident TEXT NOT NULL REFERENCES incident(id),
                        group_key TEXT NOT NULL,
                        alertname TEXT,
                        status TEXT NOT NULL,
                        labels TEXT NOT NULL,
                        annotations TEXT NOT NULL,
                        starts_at TEXT,
                        first_seen INTEGER NOT NULL,
                        last_seen INTEGER NOT NULL,
                        via TEXT NOT NULL
                    );
                    CREATE INDEX alert_by_incident ON alert(incident);
                    """)
        }
        return migrator
    }
}
