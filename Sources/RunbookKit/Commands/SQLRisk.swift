/// Risk of SQL text: split into statements, each judged by its leading keywords and a few
/// functions (`pg_terminate_backend`). Strings, quoted names and comments are skipped.
enum SQLRisk {
    /// Statement keywords → rule. Checked on the first keyword of each statement
    /// (after `WITH … AS (…)` the data-changing keyword anywhere counts too).
    static let statementRules: [String: (Risk, String)] = [
        "DROP": (.destructive, "SQL DROP removes the object and its data"),
        "TRUNCATE": (.destructive, "SQL TRUNCATE deletes every row"),
        "DELETE": (.destructive, "SQL DELETE removes rows"),
        "KILL": (.destructive, "SQL KILL ends a session"),
        "INSERT": (.change, "SQL INSERT adds rows"),
        "UPDATE": (.change, "SQL UPDATE changes rows"),
        "UPSERT": (.change, "SQL UPSERT changes rows"),
        "MERGE": (.change, "SQL MERGE changes rows"),
        "REPLACE": (.change, "SQL REPLACE changes rows"),
        "ALTER": (.change, "SQL ALTER changes the schema or settings"),
        "CREATE": (.change, "SQL CREATE adds an object"),
        "GRANT": (.change, "SQL GRANT changes permissions"),
        "REVOKE": (.change, "SQL REVOKE changes permissions"),
        "VACUUM": (.change, "SQL VACUUM rewrites tables"),
        "REINDEX": (.change, "SQL REINDEX rebuilds indexes"),
        "CLUSTER": (.change, "SQL CLUSTER rewrites a table"),
        "ANALYZE": (.change, "SQL ANALYZE updates planner statistics"),
        "REFRESH": (.change, "SQL REFRESH rebuilds a materialized view"),
        "COMMENT": (.change, "SQL COMMENT changes the catalog"),
        "COPY": (.change, "SQL COPY moves data in or out"),
        "LOCK": (.change, "SQL LOCK blocks other sessions"),
        "CALL": (.change, "SQL CALL runs a procedure"),
        "DO": (.change, "SQL DO runs procedural code"),
        "RESET": (.change, "SQL RESET changes settings"),
        "SET": (.read, "SQL SET only changes this session"),
        "SELECT": (.read, "SQL SELECT only reads"),
        "SHOW": (.read, "SQL SHOW only reads"),
        "EXPLAIN": (.read, "SQL EXPLAIN only plans"),
        "DESCRIBE": (.read, "SQL DESCRIBE only reads"),
        "DESC": (.read, "SQL DESC only reads"),
        "TABLE": (.read, "SQL TABLE only reads"),
        "VALUES": (.read, "SQL VALUES only reads"),
        "WITH": (.read, "SQL query only reads"),
        "BEGIN": (.read, "SQL transaction control"),
        "START": (.read, "SQL transaction control"),
        "COMMIT": (.read, "SQL transaction control"),
        "ROLLBACK": (.read, "SQL transaction control"),
        "END": (.read, "SQL transaction control"),
        "USE": (.read, "SQL USE picks a database"),
        "PRAGMA": (.read, "SQL PRAGMA reads settings"),
        // Server administration (MySQL/MariaDB, PostgreSQL): replication, logs, caches, tables.
        "STOP": (.change, "SQL STOP stops replication or a server task"),
        "CHANGE": (.change, "SQL CHANGE MASTER/REPLICATION SOURCE repoints replication"),
        "PURGE": (.destructive, "SQL PURGE BINARY LOGS deletes binary logs"),
        "FLUSH": (.change, "SQL FLUSH reloads or clears server logs, caches or privileges"),
        "OPTIMIZE": (.change, "SQL OPTIMIZE TABLE rebuilds tables"),
        "REPAIR": (.change, "SQL REPAIR TABLE rewrites tables"),
        "RENAME": (.change, "SQL RENAME renames tables or users"),
        "LOAD": (.change, "SQL LOAD DATA adds rows"),
        "INSTALL": (.change, "SQL INSTALL adds a plugin or component"),
        "UNINSTALL": (.change, "SQL UNINSTALL removes a plugin or component"),
        "CHECKPOINT": (.change, "SQL CHECKPOINT forces a checkpoint"),
        "CHECK": (.read, "SQL CHECK TABLE only reads"),
        "CHECKSUM": (.read, "SQL CHECKSUM TABLE only reads"),
        "DISCARD": (.read, "SQL DISCARD resets this session only")
    ]

    /// Statements whose first two words say more than the first alone: `START TRANSACTION` reads,
    /// `START SLAVE` changes; `RESET` of a session setting is harmless, `RESET MASTER` deletes every
    /// binary log. Keyed by the first word, then any of the second words.
    static let twoWordRules: [String: [(second: Set<String>, risk: Risk, why: String)]] = [
        "START": [(["SLAVE", "REPLICA", "GROUP_REPLICATION"], .change, "SQL START SLAVE/REPLICA starts replication")],
        "RESET": [
            (["SLAVE", "REPLICA"], .destructive, "SQL RESET SLAVE/REPLICA forgets the replication position"),
            (["MASTER", "BINARY"], .destructive, "SQL RESET MASTER deletes every binary log")
        ],
        "SET": [(["GLOBAL", "PERSIST", "PERSIST_ONLY"], .change, "SQL SET GLOBAL changes a server-wide setting")]
    ]

    /// Functions that act on the server even inside a SELECT.
    static let functionRules: [String: (Risk, String)] = [
        "PG_TERMINATE_BACKEND": (.destructive, "pg_terminate_backend kills database sessions"),
        "PG_CANCEL_BACKEND": (.change, "pg_cancel_backend cancels running queries"),
        "PG_RELOAD_CONF": (.change, "pg_reload_conf reloads the server configuration"),
        "PG_ROTATE_LOGFILE": (.change, "pg_rotate_logfile rotates the server log"),
        "SETVAL": (.change, "setval changes a sequence"),
        "PG_DROP_REPLICATION_SLOT": (.destructive, "pg_drop_replication_slot removes a replication slot"),
        "LO_UNLINK": (.destructive, "lo_unlink deletes a large object"),
        "PG_REPLICATION_SLOT_ADVANCE": (.change, "pg_replication_slot_advance moves a slot past data"),
        "PG_PROMOTE": (.change, "pg_promote turns a standby into a primary"),
        // SQL run elsewhere or later, and files written on the server.
        "DBLINK_EXEC": (.change, "dblink_exec runs SQL on another database"),
        "SCHEDULE": (.change, "cron.schedule runs SQL on a schedule"),
        "LO_EXPORT": (.change, "lo_export writes a file on the server"),
        "PG_FILE_WRITE": (.change, "pg_file_write writes a file on the server")
    ]

    /// Functions whose SQL argument is judged too: a DROP handed to them is a DROP.
    static let sqlRunningFunctions: Set<String> = ["DBLINK_EXEC", "SCHEDULE"]

    /// Keywords that start a statement that is known to be data-changing even inside `WITH`.
    static let dataChanging: Set<String> = ["INSERT", "UPDATE", "DELETE", "MERGE"]

    static func classify(_ sql: String) -> RiskVerdict? {
        var worst: RiskVerdict? = nil
        func consider(_ risk: Risk, _ why: String, _ word: String? = nil) {
            if worst == nil || risk > worst!.risk {
                worst = RiskVerdict(risk: risk, reason: "\(risk.rawValue): \(why)", word: word)
            }
        }
        // psql's `\gexec` runs each row of the result as SQL: what the query builds is what runs.
        if sql.lowercased().contains("\\gexec") {
            let upper = sql.uppercased()
            let destroys = ["DROP ", "TRUNCATE ", "DELETE "].contains(where: upper.contains)
            worst = RiskVerdict(
                risk: destroys ? .destructive : .change,
                reason: destroys
                    ? "destructive: psql \\gexec runs the DROP, TRUNCATE or DELETE the query builds"
                    : "change: psql \\gexec runs the query's output as SQL",
                word: destroys ? "gexec" : nil)
        }
        // psql's `\!` runs the rest of its line in a shell; `\g |cmd` and `\o |cmd` pipe the result
        // into one, `\g file` and `\o file` write a file.
        for line in sql.split(separator: "\n") {
            for meta in ["\\g ", "\\o "] {
                guard let range = line.range(of: meta) else { continue }
                let target = line[range.upperBound...].trimmed
                if target.hasPrefix("|"), let shell = ShellRisk.classify(String(target.dropFirst()), depth: 1) {
                    if worst.map({ shell.risk > $0.risk }) ?? true { worst = shell }
                } else if !target.isEmpty, worst.map({ $0.risk < .change }) ?? true {
                    worst = RiskVerdict(
                        risk: .change, reason: "change: psql \(meta.trimmed) writes the result to a file")
                }
            }
            let text = line.trimmed
            guard text.hasPrefix("\\!") else { continue }
            if let shell = ShellRisk.classify(String(text.dropFirst(2)), depth: 1),
                worst.map({ shell.risk > $0.risk }) ?? true
            {
                worst = RiskVerdict(
                    risk: shell.risk, reason: shell.reason + " (psql \\! runs it in a shell)", word: shell.word)
            }
        }
        for statement in statements(sql) {
            guard let first = statement.first else { continue }
            if first.hasPrefix("\\") {
                if first.hasPrefix("\\!") { continue }
                consider(.read, "psql meta-command \(first.lowercased()) only reads")
                continue
            }
            if let (risk, why) = statementRules[first] {
                var r = risk, w = why, decider = first
                if first == "COPY", statement.contains("TO"), !statement.contains("FROM") {
                    (r, w) =
                        statement.contains("PROGRAM")
                        ? (.destructive, "SQL COPY … TO PROGRAM runs a program on the database server")
                        : statement.contains("STDOUT")
                            ? (.read, "SQL COPY … TO STDOUT only exports")
                            : (.change, "SQL COPY … TO a file writes that file on the database server")
                }
                if first == "COPY", statement.contains("PROGRAM") {
                    (r, w) = (.destructive, "SQL COPY … PROGRAM runs a program on the database server")
                }
                // `SELECT … INTO t` creates a table (`INTO` of PL/pgSQL variables is inside `DO $$ … $$`).
                if first == "SELECT", statement.contains("INTO") {
                    (r, w) = (.change, "SQL SELECT … INTO creates a table")
                }
                // Every row, not some: `UPDATE t SET …` without WHERE.
                if first == "UPDATE", !statement.contains("WHERE") {
                    (r, w) = (.destructive, "SQL UPDATE without WHERE changes every row")
                }
                if first == "ALTER", statement.contains("DROP") {
                    (r, w) = (.destructive, "SQL ALTER … DROP removes columns or constraints")
                }
                if let second = statement.dropFirst().first,
                    let rule = twoWordRules[first]?.first(where: { $0.second.contains(second) })
                {
                    (r, w) = (rule.risk, rule.why)
                }
                if first == "WITH" {
                    for word in statement.dropFirst() where dataChanging.contains(word) {
                        if let rule = statementRules[word] { r = rule.0; w = rule.1; decider = word }
                        break
                    }
                }
                if first == "EXPLAIN", statement.contains("ANALYZE") {
                    for word in statement where dataChanging.contains(word) {
                        if let rule = statementRules[word] {
                            r = rule.0; w = "EXPLAIN ANALYZE runs it: " + rule.1; decider = word
                        }
                        break
                    }
                }
                consider(r, w, decider)
            } else {
                consider(.unknown, "no rule knows this statement; asked for like a change")
            }
            for word in statement {
                if let (risk, why) = functionRules[word] { consider(risk, why, word) }
                // Their SQL is a string, which the statement's words leave out: the text says it.
                if sqlRunningFunctions.contains(word),
                    ["DROP ", "TRUNCATE ", "DELETE "].contains(where: sql.uppercased().contains)
                {
                    consider(.destructive, "\(word.lowercased()) runs a DROP, TRUNCATE or DELETE", word)
                }
            }
        }
        // Procedural bodies (`DO $$ … $$`, functions) are judged by the statements inside them.
        for body in dollarBodies(sql) {
            // PL/pgSQL wraps statements in BEGIN … END, IF … THEN: judge what follows those words.
            let plain = body.replacingOccurrences(
                of: #"(?i)\b(BEGIN|END|DECLARE|LOOP|IF|THEN|ELSE|ELSIF|EXCEPTION)\b"#,
                with: ";", options: .regularExpression)
            if let inner = classify(plain), inner.risk > .change {
                consider(
                    inner.risk, "a procedural body runs: " + inner.reason.drop { $0 != " " }.dropFirst(), inner.word)
            }
        }
        return worst
    }

    /// The texts between `$$` (or `$tag$`) quotes.
    static func dollarBodies(_ sql: String) -> [String] {
        guard sql.contains("$") else { return [] }
        var out: [String] = []
        var rest = Substring(sql)
        while let open = rest.range(of: "$$") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "$$") else { break }
            out.append(String(after[..<close.lowerBound]))
            rest = after[close.upperBound...]
        }
        return out
    }

    /// Upper-cased keyword/identifier words of each statement; strings and comments removed.
    static func statements(_ sql: String) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        var word: [UInt8] = []
        let b = Array(sql.utf8)
        let n = b.count
        var i = 0
        func flushWord() {
            if !word.isEmpty {
                current.append(String(decoding: word, as: UTF8.self).uppercased())
                word.removeAll(keepingCapacity: true)
            }
        }
        while i < n {
            let c = b[i]
            if (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 95 || c >= 0x80
                || (c == UInt8(ascii: "\\") && word.isEmpty && current.isEmpty)
            {
                word.append(c); i += 1; continue
            }
            flushWord()
            switch c {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                i += 1
                while i < n && b[i] != c { i += 1 }
                i += 1
            case UInt8(ascii: "-") where i + 1 < n && b[i + 1] == UInt8(ascii: "-"):
                while i < n && b[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "#") where current.isEmpty:
                while i < n && b[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "/") where i + 1 < n && b[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i + 1 < n && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            case UInt8(ascii: "$") where i + 1 < n && b[i + 1] == UInt8(ascii: "$"):
                // Dollar-quoted body: skip to the closing $$.
                i += 2
                while i + 1 < n && !(b[i] == UInt8(ascii: "$") && b[i + 1] == UInt8(ascii: "$")) { i += 1 }
                i += 2
            case UInt8(ascii: ";"):
                if !current.isEmpty { out.append(current) }
                current = []
                i += 1
            case UInt8(ascii: "\n") where current.first?.hasPrefix("\\") == true:
                out.append(current)
                current = []
                i += 1
            default:
                i += 1
            }
        }
        flushWord()
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Whether a word starts a SQL statement (used to spot SQL inside shell blocks).
    static let leadingKeywords: Set<String> = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "ALTER", "CREATE", "DROP", "TRUNCATE", "SHOW", "EXPLAIN",
        "VACUUM", "REINDEX", "GRANT", "REVOKE", "BEGIN", "COMMIT", "ROLLBACK", "ANALYZE", "REFRESH", "CLUSTER",
        "COPY", "DESCRIBE", "MERGE", "UPSERT", "LOCK"
    ]
}
