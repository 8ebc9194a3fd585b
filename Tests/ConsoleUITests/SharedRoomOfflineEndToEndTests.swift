import Foundation
import Testing

/// Issue 14's partition in the real binary: the server stops mid-incident, the console keeps a run,
/// a tick and a note in its outbox (the header says how many wait), and once the server is back each
/// is on the server once, with its original time, and on screen once. Stops and starts the server
/// scripts/test.sh runs (`WARROOM_TEST_PGCTL`); the tests run one at a time.
@Suite(
    "Offline on PostgreSQL (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"),
    .enabled(
        if: TestPostgres.url != nil && ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"] != nil,
        "WARROOM_TEST_POSTGRES or WARROOM_TEST_PGCTL is unset (scripts/test.sh starts a PostgreSQL server)"))
struct SharedRoomOfflineEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("Server stopped mid-incident: a run, a tick and a note wait offline, then land once, in order")
    func writesWaitOfflineThenLandOnce() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let server = try #require(TestPostgres.url)
        let ctl = try #require(ProcessInfo.processInfo.environment["WARROOM_TEST_PGCTL"])
        let folder = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try TestPostgres.newDatabase(on: server, prefix: "offline")
        let book = folder + "/api.md"
        try """
        # API

        ## Incident checklist

        - [ ] Check the pods
        - [ ] Page the on-call

        ## Check the pods

        ```bash
        echo pods-look-fine
        ```

        """.write(toFile: book, atomically: true, encoding: .utf8)
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(book) --title 'API down' --store '\(store)'",
            width: 140, height: 40, environment: ["XDG_DATA_HOME": folder + "/alice", "WARROOM_AUTHOR": "alice"])
        _ = try session.wait { $0.contains("API down") && $0.contains("Checklist 0/2") }

        _ = try Spawn.run(ctl, ["stop"])
        // Whatever happens next, the other tests get their server back.
        defer { _ = try? Spawn.run(ctl, ["start"]) }
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", "run 1"])
        try session.keys("Enter")
        _ = try session.wait { $0.contains("echo pods-look-fine") && $0.contains("Enter: run") }
        try session.keys("Enter")
        _ = try session.wait { $0.contains("#1 ✓ ok exit 0") }
        try session.keys("R") // from the runs list back to the commands
        try session.keys("Tab") // … to the timeline, then the checklist
        try session.keys("Tab")
        try session.keys("Space")
        try session.keys("n")
        try session.run(["send-keys", "-t", "t", "-l", "written offline"])
        try session.keys("Enter")
        let offline = try session.wait { $0.contains("offline: 4 events waiting") }
        #expect(offline.contains("⇡ waiting · written offline"))
        #expect(offline.contains("Checklist 1/2"))

        _ = try Spawn.run(ctl, ["start"])
        let back = try session.wait { !$0.contains("offline:") && !$0.contains("⇡ waiting") }
        #expect(back.components(separatedBy: "written offline").count == 2, "one row:\n\(back)")
        #expect(back.components(separatedBy: "echo pods-look-fine").count >= 2)
        #expect(back.contains("Checklist 1/2"))

        let timeline = try Spawn.run(
            "/usr/bin/env", ["XDG_DATA_HOME=\(folder)/reader", warroom, "timeline", "--json", "--store", store])
        let kinds = timeline.split(separator: "\n").compactMap { line -> String? in
            guard let data = line.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["kind"] as? String
        }
        #expect(
            kinds.filter { $0 != "values_recorded" } == [
                "opened", "command_started", "command_finished", "item_ticked", "note"
            ], "\(timeline)")
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }
}
