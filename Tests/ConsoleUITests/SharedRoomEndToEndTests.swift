import Foundation
import Testing

/// Two machines, one PostgreSQL journal: a note written by another process (its own local state)
/// is on the console's screen within a second. The server is the one scripts/test.sh starts.
@Suite(
    "A room on PostgreSQL (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"),
    .enabled(
        if: TestPostgres.url != nil,
        "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a PostgreSQL server)"))
struct SharedRoomEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("Another machine's note is on screen within a second")
    func noteFromAnotherMachine() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let server = try #require(TestPostgres.url)
        let folder = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try TestPostgres.newDatabase(on: server, prefix: "tmux")
        let book = folder + "/api.md"
        try "# API\n\n## Incident checklist\n\n- [ ] Page the on-call\n".write(
            toFile: book, atomically: true, encoding: .utf8)
        // Each "machine" keeps its own local state (outbox, outputs) in its own folder.
        let commander = ["XDG_DATA_HOME": folder + "/commander", "WARROOM_AUTHOR": "alice"]
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(book) --title 'API down' --store '\(store)'",
            width: 140, height: 40, environment: commander)
        _ = try session.wait { $0.contains("API down") && $0.contains("Checklist 0/1") }

        let scribe = try Spawn.run(
            "/usr/bin/env",
            [
                "XDG_DATA_HOME=\(folder)/scribe", warroom, "note",
                "seen from the scribe's laptop", "--store", store, "--as", "carol"
            ])
        #expect(scribe.contains("INC-"))
        let written = Date()
        var seen: Date?
        for _ in 0..<40 where seen == nil {
            if try session.screen().contains("seen from the scribe's laptop") { seen = Date() }
            usleep(25_000)
        }
        let took = try #require(seen).timeIntervalSince(written)
        #expect(took < 1, "the note took \(took) s to reach the other console")
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }
}

/// The PostgreSQL server scripts/test.sh starts, if it did.
enum TestPostgres {
    static var url: String? {
        ProcessInfo.processInfo.environment["WARROOM_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new database on the test server (each test its own room), as a store URL.
    static func newDatabase(on server: String, prefix: String) throws -> String {
        let name = "warroom_\(prefix)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        _ = try Spawn.run(
            "/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", "CREATE DATABASE \(name)"])
        return server.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }
}
