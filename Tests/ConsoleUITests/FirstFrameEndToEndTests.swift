import Foundation
import Testing

/// A new incident's console is drawn before its journal is written: while another process holds
/// the store's write lock, `warroom open --title` already shows the runbook's checklist; once the
/// lock is released, the incident is recorded and its id and title take their place in the header.
@Suite(
    "First frame before the journal (tmux)", .serialized,
    .enabled(if: TerminalTools.available, "tmux or the warroom binary not found"),
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "sqlite3 not found"))
struct FirstFrameEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test("The checklist shows while the store is locked; the incident's id and title once it is free")
    func drawsBeforeTheStoreIsWritten() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let runbook = try #require(
            AppEndToEndTests.exampleRunbook(near: warroom), "examples/payments-api.md beside the build")
        let store = try AppEndToEndTests.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let earlier = try Spawn.run(warroom, ["incident", "open", "--title", "Earlier", "--store", store])
        #expect(earlier.hasPrefix("INC-"), "\(earlier)")

        let lock = try StoreWriteLock(database: store + "/journal.sqlite")
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(runbook) --title Held --store \(store)",
            environment: ["WARROOM_BUSY_TIMEOUT": "30"])
        let drawn = try session.wait { $0.contains("Checklist 0/") && $0.contains("q  quit") }
        #expect(drawn.contains("INC-…"), "no incident id before the journal has given one:\n\(drawn)")
        #expect(!drawn.contains("Held"), "the title shows once the journal has redacted it:\n\(drawn)")
        // Still locked: nothing of the new incident can have been written.
        usleep(300_000)
        #expect(try session.screen().contains("INC-…"))

        try lock.release()
        let opened = try session.wait { $0.contains("Held") && !$0.contains("INC-…") }
        #expect(opened.contains("-2 "), "the second incident of the store:\n\(opened)")
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }
}

/// A `sqlite3` process holding a write transaction open on a store's database until released.
private final class StoreWriteLock {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(database: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The answer comes once BEGIN IMMEDIATE holds the lock.
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        var answer = Data()
        while !String(decoding: answer, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw Spawn.Failure(message: "sqlite3 ended before it held the lock") }
            answer += chunk
        }
    }

    func release() throws {
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}
