import Foundation
import Testing

/// Two consoles on one PostgreSQL journal, each with its own local state: both headers say who is
/// in the room, and a destructive step one console runs is refused to the other with the holder's
/// name, until the run ends. The server is the one scripts/test.sh starts.
@Suite(
    "Presence and step claims on PostgreSQL (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"),
    .enabled(
        if: TestPostgres.url != nil,
        "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a PostgreSQL server)"))
struct SharedRoomClaimsEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    /// `:run 1`, then the destructive command's word (read off the preview), then Enter.
    static func runConfirmed(_ session: Session) throws {
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", "run 1"])
        try session.keys("Enter")
        let preview = try session.wait { $0.contains("to run it") }
        let word = try #require(
            preview.split(separator: "\n").lazy.compactMap { line -> Substring? in
                guard let range = line.range(of: "Type ") else { return nil }
                return line[range.upperBound...].split(separator: " ").first
            }.first)
        try session.run(["send-keys", "-t", "t", "-l", String(word)])
        try session.keys("Enter")
    }

    /// Alice's and Bob's consoles on a new database, each with its own local state, both in the room.
    static func room(in folder: String) throws -> (alice: Session, bob: Session) {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let server = try #require(TestPostgres.url)
        let store = try TestPostgres.newDatabase(on: server, prefix: "claims")
        let book = folder + "/api.md"
        try """
        # API

        ## Incident checklist

        - [ ] Clear the cache

        ## Clear the cache

        ```bash
        sleep 60; rm -rf \(folder)/cache
        ```

        """.write(toFile: book, atomically: true, encoding: .utf8)

        let alice = try Session(
            tmux: tmux, command: "\(warroom) open \(book) --title 'API down' --store '\(store)'",
            width: 140, height: 40,
            environment: ["XDG_DATA_HOME": folder + "/alice", "WARROOM_AUTHOR": "alice"])
        _ = try alice.wait { $0.contains("API down") && $0.contains("in room: alice (1)") }
        let bob = try Session(
            tmux: tmux, command: "\(warroom) open \(book) --store '\(store)'", width: 140, height: 40,
            environment: ["XDG_DATA_HOME": folder + "/bob", "WARROOM_AUTHOR": "bob"])
        _ = try bob.wait { $0.contains("in room: alice, bob (2)") }
        _ = try alice.wait { $0.contains("in room: alice, bob (2)") }
        return (alice, bob)
    }

    @Test("A claim held by one console blocks the same destructive step in another, with the holder's name on screen")
    func claimBlocksTheOtherConsole() throws {
        let folder = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (alice, bob) = try Self.room(in: folder)

        // Alice runs the destructive step: it is hers while it runs.
        try Self.runConfirmed(alice)
        _ = try alice.wait { $0.contains("#1 ⟳ running") }
        _ = try bob.wait { $0.contains("⚑ alice") }

        // Bob tries the same step: refused, saying who holds it and what runs; nothing starts.
        try Self.runConfirmed(bob)
        let refused = try bob.wait { $0.contains("Not run: claimed by alice since") }
        #expect(refused.contains("— running `sleep 60; rm -rf "))
        #expect(!refused.contains("⟳ running"))

        // Alice cancels: the step is free, and Bob's run starts.
        try alice.keys("C-c")
        _ = try alice.wait { $0.contains("#1 ✗") }
        try alice.keys("R") // from the runs list back to the commands
        _ = try bob.wait { !$0.contains("⚑ alice") }
        try Self.runConfirmed(bob)
        _ = try bob.wait { $0.contains("#1 ⟳ running") }
        _ = try alice.wait { $0.contains("⚑ bob") }
        try bob.keys("C-c")
        _ = try bob.wait { $0.contains("#1 ✗") }

        // Alice quits: she leaves the room.
        try alice.keys("q")
        #expect(try alice.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
        _ = try bob.wait { $0.contains("in room: bob (1)") }
        try bob.keys("q")
        #expect(try bob.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    @Test("A console whose claim went with its lost connection is told who holds the step now")
    func aLostClaimIsSaid() throws {
        let server = try #require(TestPostgres.url)
        let folder = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (alice, bob) = try Self.room(in: folder)
        try Self.runConfirmed(alice)
        _ = try bob.wait { $0.contains("⚑ alice") }

        // The server ends the session holding Alice's lock (as a network cut would); her run goes on.
        _ = try Spawn.run(
            "/usr/bin/psql",
            [
                "-X", "-q", "-d", server, "-c",
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            ])
        _ = try bob.wait { !$0.contains("⚑ alice") }
        try Self.runConfirmed(bob)
        _ = try bob.wait { $0.contains("#1 ⟳ running") }
        let told = try alice.wait { $0.contains("lost its claim") }
        #expect(told.contains("Run #1 lost its claim on"))
        #expect(told.contains("bob holds it now"))
        for session in [alice, bob] {
            try session.keys("C-c")
            _ = try session.wait { $0.contains("#1 ✗") }
            try session.keys("q")
            #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
        }
    }
}
