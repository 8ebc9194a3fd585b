import GRDB

/// The journal's schema, grown only through migrations so that old stores open in new versions.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: incidents and events") { db in
            try db.execute(sql: """
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
        return migrator
    }
}
