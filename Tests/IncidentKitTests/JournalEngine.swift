import Foundation
import IncidentKit
import PostgresJournal
import Testing

/// The engines the shared journal tests run on. PostgreSQL needs the server scripts/test.sh
/// starts (`WARROOM_TEST_POSTGRES`); without it the tests run on SQLite only, and
/// `PostgresEngineAvailability` reports that as a skip.
enum JournalEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var testable: [JournalEngine] { PostgresTestServer.url == nil ? [.sqlite] : allCases }

    var testDescription: String { rawValue }

    /// A journal on `store`: its folder for SQLite, its own fresh database for PostgreSQL (the
    /// same database each time it is opened for the same store).
    func open(
        _ store: TempStore, clock: @escaping @Sendable () -> Date = { Date() },
        redactor: Redactor = .standard
    ) throws -> any Journal {
        switch self {
        case .sqlite:
            return try SQLiteJournal(location: store.location, clock: clock, redactor: redactor)
        case .postgres:
            return try PostgresJournal(
                url: PostgresStoreURL(store.postgresDatabase(), environment: [:]),
                location: store.location, redactor: redactor, clock: clock)
        }
    }
}

/// The test server from scripts/test-postgres.sh, and fresh databases on it.
enum PostgresTestServer {
    /// `postgres://warroom@127.0.0.1:PORT/postgres?sslmode=disable`, a superuser without password.
    static var url: String? {
        ProcessInfo.processInfo.environment["WARROOM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Creates an empty database and returns its URL.
    static func createDatabase() throws -> String {
        guard let url else { throw PostgresTestServerMissing() }
        let name = "warroom_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql(url, "CREATE DATABASE \(name)")
        return url.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    /// Runs one SQL command with psql against `url`.
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw PSQLFailed(output: text) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct PSQLFailed: Error { var output: String }
    struct PostgresTestServerMissing: Error {}
}

@Suite("Journal engines")
struct PostgresEngineAvailability {
    @Test(
        .enabled(
            if: PostgresTestServer.url != nil,
            "WARROOM_TEST_POSTGRES unset: the shared journal tests ran on SQLite only (scripts/test.sh starts one)"
        ))
    func journalTestsRunOnPostgresToo() {}
}

/// Runs a shell command (the test server's stop/start script) and fails the test if it fails.
/// posix_spawn and waitpid, not Foundation's Process: its waitUntilExit was seen to hang here.
enum PostgresShell {
    static func run(_ command: String) throws {
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", command + " >/dev/null"]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        #expect(spawned == 0, "spawning \(command)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        #expect(status == 0, "\(command) exited with \(status)")
    }
}
