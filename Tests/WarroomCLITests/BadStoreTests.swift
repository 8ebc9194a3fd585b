import Foundation
import Testing
import WarroomTestSupport

/// #11 item 5: a journal path that is a directory or a FIFO and a runbook that is a FIFO are clear
/// errors at once, never a hang; a journal of a newer schema is read but not written.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct BadStoreTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-badstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Runs warroom under `timeout 20`: a hang shows as status 124.
    func warroom(_ arguments: [String]) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["20", try #require(WarroomBinary.url).path] + arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout")))
    func fifoRunbookIsRefusedAtOnce() throws {
        #expect(mkfifo(folder.appendingPathComponent("rb.md").path, 0o600) == 0)
        for arguments in [["check", "rb.md"], ["show", "rb.md"], ["exec", "rb.md", "1"]] {
            let (status, err) = try warroom(arguments)
            #expect(status != 0 && status != 124, "\(arguments) hung or ran")
            #expect(err.contains("is a FIFO (named pipe), not a runbook file"), "\(arguments): \(err)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout")))
    func journalThatIsAFIFOOrADirectory() throws {
        let fifoStore = folder.appendingPathComponent("fifo-store")
        try FileManager.default.createDirectory(at: fifoStore, withIntermediateDirectories: true)
        #expect(mkfifo(fifoStore.appendingPathComponent("journal.sqlite").path, 0o600) == 0)
        let dirStore = folder.appendingPathComponent("dir-store")
        try FileManager.default.createDirectory(
            at: dirStore.appendingPathComponent("journal.sqlite"), withIntermediateDirectories: true)
        for (store, kind) in [(fifoStore, "a FIFO"), (dirStore, "a directory")] {
            for arguments in [["note", "hi"], ["timeline"], ["incident", "list"]] {
                let (status, err) = try warroom(arguments + ["--store", store.path])
                #expect(status == 1, "\(arguments) \(kind): \(status)")
                #expect(err.contains("is \(kind)") && err.contains("not a journal file"), "\(err)")
            }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func newerSchemaIsReadNotWritten() throws {
        let store = folder.appendingPathComponent("store").path
        let id = try WarroomBinary.run(["incident", "open", "--title", "Old", "--store", store]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try WarroomBinary.run(["note", "--incident", id, "first", "--store", store]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [store + "/journal.sqlite", "INSERT INTO grdb_migrations VALUES ('v9: from the future')"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let refused = try WarroomBinary.run(["note", "--incident", id, "second", "--store", store])
        #expect(refused.status == 1)
        #expect(
            refused.err.contains("written by a newer warroom") && refused.err.contains("v9: from the future"),
            "\(refused.err)")
        let timeline = try WarroomBinary.run(["timeline", id, "--store", store])
        #expect(
            timeline.status == 0 && timeline.out.contains("first") && !timeline.out.contains("second"),
            "\(timeline.err)")
        #expect(try WarroomBinary.run(["postmortem", id, "--store", store]).status == 0)
    }
}
