import Foundation
import IncidentKit
@testable import PostgresJournal
import Testing

/// The PostgreSQL engine against the real server scripts/test.sh starts: its errors, its schema
/// version, and what only a shared server does (writers on several connections, LISTEN).
@Suite(
    "PostgreSQL journal", .serialized,
    .enabled(
        if: PostgresTestServer.url != nil, "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a PostgreSQL server)"
    ))
struct PostgresJournalTests {
    let store = TempStore()

    func journal(_ url: String, environment: [String: String] = [:]) throws -> PostgresJournal {
        try PostgresJournal(url: PostgresStoreURL(url, environment: environment), location: store.location)
    }

    /// The test server's URL with another user, password and database.
    func serverURL(user: String = "warroom", password: String? = nil, database: String) throws -> String {
        let base = try #require(PostgresTestServer.url)
        let credentials = user + (password.map { ":" + $0 } ?? "")
        return base.replacingOccurrences(of: "warroom@", with: credentials + "@")
            .replacingOccurrences(of: "/postgres?", with: "/\(database)?")
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() throws {
        // A port nothing listens on: bound, then closed.
        let port = try freePort()
        let error = #expect(throws: JournalError.self) {
            try journal("postgres://alice:s3cret-pw@127.0.0.1:\(port)/db?sslmode=disable")
        }
        if case .serverUnreachable(let url, _) = error {
            #expect(url == "postgres://alice@127.0.0.1:\(port)/db")
        } else {
            Issue.record("expected serverUnreachable, got \(String(describing: error))")
        }
        #expect(error?.description.contains("s3cret-pw") == false)
    }

    @Test func badCredentialsAMissingDatabaseAndGoodPasswordsFromEverySource() throws {
        let admin = try PostgresTestServer.createDatabase()
        let database = String(admin.split(separator: "/").last!.split(separator: "?")[0])
        let user = "u_" + database.suffix(8)
        try PostgresTestServer.psql(
            admin, "CREATE ROLE \(user) LOGIN PASSWORD 'right-pw'; ALTER DATABASE \(database) OWNER TO \(user)")
        let serverPort = try port(admin)

        let wrong = #expect(throws: JournalError.self) {
            try journal(serverURL(user: user, password: "wrong-pw", database: database))
        }
        #expect(
            wrong
                == .authenticationFailed(
                    url: "postgres://\(user)@127.0.0.1:\(serverPort)/\(database)",
                    detail: "password authentication failed for user \"\(user)\""))
        #expect(wrong?.description.contains("wrong-pw") == false)
        let none = #expect(throws: JournalError.self) { try journal(serverURL(user: user, database: database)) }
        if case .authenticationFailed = none {
        } else {
            Issue.record("expected authenticationFailed, got \(String(describing: none))")
        }

        let missing = #expect(throws: JournalError.self) { try journal(serverURL(database: "no_such_db")) }
        #expect(missing == .noSuchDatabase(url: "postgres://warroom@127.0.0.1:\(serverPort)/no_such_db"))

        // The password from the URL, from PGPASSWORD, from a 0600 ~/.pgpass.
        let plain = try serverURL(user: user, database: database)
        _ = try journal(serverURL(user: user, password: "right-pw", database: database))
        _ = try journal(plain, environment: ["PGPASSWORD": "right-pw"])
        let pgpass = store.directory.appendingPathComponent("pgpass")
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        try "# comment\n127.0.0.1:*:\(database):\(user):right-pw\n".write(to: pgpass, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass.path)
        let fromPGPass = try journal(plain, environment: ["PGPASSFILE": pgpass.path])
        #expect(try fromPGPass.openIncident(title: "t", severity: "SEV3", author: "a").id.hasPrefix("INC-"))
    }

    @Test func aNewerSchemaIsRefusedBeforeAnythingIsWritten() throws {
        let url = try PostgresTestServer.createDatabase()
        _ = try journal(url)
        let newer = PostgresSchema.version + 1
        #expect(
            try PostgresTestServer.psql(url, "SELECT max(version) FROM warroom_schema") == "\(PostgresSchema.version)")
        try PostgresTestServer.psql(url, "INSERT INTO warroom_schema (version) VALUES (\(newer))")
        let redacted = "postgres://warroom@127.0.0.1:\(try port(url))/\(database(url))"
        let error = #expect(throws: JournalError.self) { try journal(url) }
        #expect(error == .newerSchema(path: redacted, unknown: ["version \(newer)"]))
    }

    @Test func aClaimEndsWithTheSessionOfTheConsoleHoldingIt() throws {
        let url = try PostgresTestServer.createDatabase()
        let alices = try journal(url), bobs = try journal(url)
        let incident = try alices.openIncident(title: "API down", severity: "SEV2", author: "alice").id
        let alice = RoomMember(name: "alice", host: "laptop"), bob = RoomMember(name: "bob", host: "bastion")
        try alices.heartbeat(alice, incident: incident, expiresAfter: 60)
        try bobs.heartbeat(bob, incident: incident, expiresAfter: 60)
        #expect(try alices.claim(step: "#1", command: "rm -rf /srv/cache", by: alice, incident: incident) == nil)
        #expect(
            try bobs.claim(step: "#1", command: "rm -rf /srv/cache", by: bob, incident: incident)?.holder.name
                == "alice")
        // Alice's console dies: the server ends its session, and the advisory lock with it (the
        // claims connection is the only one of this database holding one).
        try PostgresTestServer.psql(
            url,
            """
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """)
        let deadline = Date().addingTimeInterval(5)
        while try !bobs.claims(incident: incident).isEmpty, Date() < deadline { usleep(50_000) }
        #expect(try bobs.claims(incident: incident).isEmpty, "a dead holder's row is not shown as a claim")
        #expect(try bobs.claim(step: "#1", command: "rm -rf /srv/cache", by: bob, incident: incident) == nil)
        #expect(try alices.claims(incident: incident).map(\.holder.name) == ["bob"])
    }

    @Test func writersOnSeparateConnectionsLandExactlyOnceInCommitOrder() async throws {
        let url = try PostgresTestServer.createDatabase()
        let id = try journal(url).openIncident(title: "two writers", severity: "SEV2", author: "t").id
        let perWriter = 1000
        let returned = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for prefix in ["A", "B"] {
                let writer = try journal(url)
                group.addTask {
                    try (0..<perWriter).map {
                        try writer.append(NotePayload(text: "\(prefix) \($0)"), to: id, author: prefix).id
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let notes = try journal(url).events(incident: id, kinds: [.note])
        #expect(notes.count == 2 * perWriter)
        #expect(Set(notes.map(\.id)) == Set(returned))
        for prefix in ["A", "B"] {
            let texts = notes.filter { $0.author == prefix }.compactMap { $0.payload(as: NotePayload.self)?.text }
            #expect(texts == (0..<perWriter).map { "\(prefix) \($0)" })
        }
    }

    @Test func theWatcherCatchesUpAfterTheServerRestarts() async throws {
        let ctl = try #require(ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"])
        let url = try PostgresTestServer.createDatabase()
        let writer = try journal(url)
        let id = try writer.openIncident(title: "restart", severity: "SEV2", author: "t").id
        var iterator = try journal(url).watch(incident: id, after: 1).makeAsyncIterator()
        try writer.append(NotePayload(text: "before"), to: id, author: "t")
        #expect(try await iterator.next()?.payload(as: NotePayload.self)?.text == "before")

        try PostgresShell.run(ctl + " stop")
        try PostgresShell.run(ctl + " start")
        // Written while the watcher reconnects: no notification reaches it, the catch-up does.
        try writer.append(NotePayload(text: "while away"), to: id, author: "t")
        try writer.append(NotePayload(text: "after"), to: id, author: "t")
        let next = try await iterator.next()
        let last = try await iterator.next()
        #expect([next, last].compactMap { $0?.payload(as: NotePayload.self)?.text } == ["while away", "after"])
    }

    @Test(.enabled(if: WarroomBinary.url != nil, "warroom binary not built"))
    func twoProcessesWithTheirOwnLocalStateLandTenThousandEventsOnce() throws {
        let url = try PostgresTestServer.createDatabase()
        let id = try journal(url).openIncident(title: "stress", severity: "SEV2", author: "t").id
        let writers = try ["A", "B"].map { prefix in
            let local = TempStore()
            let process = Process()
            process.executableURL = WarroomBinary.url
            process.arguments = [
                "debug", "append", "--store", url, "--incident", id, "--count", "5000",
                "--prefix", prefix, "--as", prefix
            ]
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_DATA_HOME"] = local.directory.path
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            return (process, out, local)
        }
        let printed = writers.map { String(decoding: $0.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        writers.forEach { $0.0.waitUntilExit() }
        #expect(writers.allSatisfy { $0.0.terminationStatus == 0 })

        let notes = try journal(url).events(incident: id, kinds: [.note])
        #expect(notes.count == 10_000)
        let ids = notes.map(\.id)
        #expect(Set(ids).count == 10_000)
        for prefix in ["A", "B"] {
            let texts = notes.filter { $0.author == prefix }.compactMap { $0.payload(as: NotePayload.self)?.text }
            #expect(texts == (0..<5000).map { "\(prefix) \($0)" })
        }
        #expect(Set(printed.joined(separator: "\n").split(separator: "\n").compactMap { Int64($0) }) == Set(ids))
    }

    @Test(.enabled(if: WarroomBinary.url != nil, "warroom binary not built"))
    func aNoteFromAnotherProcessReachesTheWatcherWithinASecond() async throws {
        let url = try PostgresTestServer.createDatabase()
        let journal = try journal(url)
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "t").id
        var iterator = journal.watch(incident: id, after: 1).makeAsyncIterator()
        let other = TempStore()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = other.directory.path
        let result = try WarroomBinary.run(
            ["note", "--store", url, "--incident", id, "from", "another", "machine"],
            environment: environment)
        #expect(result.status == 0)
        let written = ContinuousClock.now
        let event = try await iterator.next()
        #expect(ContinuousClock.now - written < .seconds(1))
        #expect(event?.payload(as: NotePayload.self)?.text == "from another machine")
    }

    @Test func eventsWrittenWhileTheServerIsDownArriveOnceInOrderWithTheirOriginalTimes() throws {
        let ctl = try #require(ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"])
        let server = try PostgresTestServer.createDatabase()
        let url = try PostgresStoreURL(server, environment: [:])
        let clock = TestClock("2026-11-22T10:00:00Z")
        let journal = try PostgresJournal(url: url, location: store.location, clock: clock.function)
        let id = try journal.openIncident(title: "partition", severity: "SEV2", author: "t").id

        try PostgresShell.run(ctl + " stop")
        var kept: [TimelineEvent] = []
        for i in 1...3 {
            clock.advance(60)
            kept.append(try journal.append(NotePayload(text: "offline \(i)"), to: id, author: "t"))
        }
        #expect(kept.map(\.id) == [-1, -2, -3])
        #expect(journal.waitingEvents == 3)
        // The console is killed while offline: the next one on this machine finds the outbox.
        try PostgresShell.run(ctl + " start")
        let next = try PostgresJournal(url: url, location: store.location, clock: clock.function)
        #expect(next.waitingEvents == 0)
        clock.advance(60)
        let back = try next.append(NotePayload(text: "back"), to: id, author: "t")
        #expect(back.id > 0)

        let notes = try next.events(incident: id, kinds: [.note])
        #expect(
            notes.compactMap { $0.payload(as: NotePayload.self)?.text } == [
                "offline 1", "offline 2", "offline 3", "back"
            ])
        #expect(notes.map(\.time) == (1...4).map { TestClock.date("2026-11-22T10:0\($0):00Z") })

        // A push repeated (its commit was not confirmed) is recognised by its key, not applied twice.
        let key = try PostgresTestServer.psql(server, "SELECT writer_key FROM event WHERE payload LIKE '%offline 2%'")
        _ = try next.outbox.add(
            key: key, incident: id, kind: .note, json: #"{"text":"offline 2"}"#, author: "t",
            time: TestClock.date("2026-11-22T10:02:00Z"))
        #expect(try next.pushWaiting() == 1)
        #expect(try next.events(incident: id, kinds: [.note]).count == 4)
        #expect(next.waitingEvents == 0)
    }

    @Test(.enabled(if: WarroomBinary.url != nil, "warroom binary not built"))
    func aWriterKilledWhileOfflineLosesNoAcknowledgedEvent() throws {
        let ctl = try #require(ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"])
        let server = try PostgresTestServer.createDatabase()
        let id = try journal(server).openIncident(title: "partition", severity: "SEV2", author: "t").id
        let local = TempStore()
        let process = Process()
        process.executableURL = WarroomBinary.url
        process.arguments = [
            "debug", "append", "--store", server, "--incident", id, "--count", "1000000",
            "--prefix", "K", "--as", "K"
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = local.directory.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = out.fileHandleForReading
        var printed = Data()
        func readLines(until count: Int) {
            while printed.split(separator: UInt8(ascii: "\n")).count < count {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                printed.append(chunk)
            }
        }
        readLines(until: 200)
        // The server goes away mid-stream (an append in flight may or may not have committed).
        try PostgresShell.run(ctl + " stop")
        readLines(until: 600)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try PostgresShell.run(ctl + " start")

        // Only complete lines were acknowledged: the first `acknowledged` notes, each once, in order.
        var text = String(decoding: printed, as: UTF8.self)
        if !text.hasSuffix("\n"), let cut = text.lastIndex(of: "\n") { text = String(text[...cut]) }
        let acknowledged = text.split(separator: "\n").count
        #expect(acknowledged >= 600)
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("-") }, "some appends went to the outbox")
        // The next warroom on that machine pushes what the killed one left.
        let next = try PostgresJournal(
            url: PostgresStoreURL(server, environment: [:]),
            location: StoreLocation(directory: local.directory.appendingPathComponent("warroom")))
        #expect(next.waitingEvents == 0)
        let texts = try next.events(incident: id, kinds: [.note]).compactMap { $0.payload(as: NotePayload.self)?.text }
        #expect(texts.count >= acknowledged)
        #expect(texts == (0..<texts.count).map { "K \($0)" })
    }

    // MARK: Helpers

    func port(_ url: String) throws -> Int { try #require(URLComponents(string: url)?.port) }

    func database(_ url: String) -> String { String(url.split(separator: "/").last!.split(separator: "?")[0]) }

    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(fd, $0, length) == 0, getsockname(fd, $0, &length) == 0 else {
                    throw POSIXError(.EADDRINUSE)
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

@Suite("PostgreSQL store URL")
struct PostgresStoreURLTests {
    @Test func partsDefaultsAndTheRedactedForm() throws {
        let url = try PostgresStoreURL(
            "postgres://alice:p%40ss@db.example:6543/war?sslmode=verify-full", environment: [:])
        #expect(url.user == "alice" && url.password == "p@ss" && url.host == "db.example" && url.port == 6543)
        #expect(url.database == "war" && url.sslMode == .verifyFull)
        #expect(url.redacted == "postgres://alice@db.example:6543/war")
        // Secure by default: TLS required off this machine, preferred on loopback (an ssh -L tunnel).
        #expect(try PostgresStoreURL("postgres://a@db.example/w", environment: [:]).sslMode == .require)
        #expect(try PostgresStoreURL("postgresql://a@127.0.0.1/w", environment: [:]).sslMode == .prefer)
        #expect(try PostgresStoreURL("postgres://a@h/w", environment: ["PGPASSWORD": "env-pw"]).password == "env-pw")
        #expect(PostgresStoreURL.isPostgres("postgres://h/db") && !PostgresStoreURL.isPostgres("/var/lib/warroom"))
    }

    @Test func badURLsAndModesNameTheValidOnesButNotThePassword() {
        let mode = #expect(throws: JournalError.self) {
            try PostgresStoreURL("postgres://a@h/w?sslmode=sometimes", environment: [:])
        }
        #expect(
            mode
                == .invalidValue(
                    what: "sslmode", value: "sometimes", valid: ["disable", "prefer", "require", "verify-full"]))
        let bad = #expect(throws: JournalError.self) {
            try PostgresStoreURL("postgres://a:hidden@/w", environment: [:])
        }
        #expect(bad?.description.contains("hidden") == false)
    }
}
