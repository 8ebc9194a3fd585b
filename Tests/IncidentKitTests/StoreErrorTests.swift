import Foundation
import GRDB
import Testing
@testable import IncidentKit

@Suite("Store errors")
struct StoreErrorTests {
    let store = TempStore()

    func plant(_ bytes: [UInt8]) throws -> URL {
        try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
        let url = store.location.databaseURL
        try Data(bytes).write(to: url)
        return url
    }

    @Test(arguments: [
        Array("this is my shopping list, not a database\n".utf8),
        Array(repeating: UInt8(0xA5), count: 8192),
        Array("SQLite format 2\0".utf8) + Array(repeating: 0, count: 4080)
    ])
    func nonSQLiteFileIsNamedAndLeftUntouched(bytes: [UInt8]) throws {
        let url = try plant(bytes)
        let error = #expect(throws: JournalError.self) { try SQLiteJournal(location: store.location) }
        #expect(error == .notADatabase(path: url.path))
        #expect(error?.text.contains(url.path) == true)
        #expect(try [UInt8](Data(contentsOf: url)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test func corruptDatabaseWithAValidHeaderIsReportedAndLeftUntouched() throws {
        // A real header followed by garbage: SQLite itself must refuse it, and nothing may be written.
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += Array(repeating: 0x5A, count: 4096 - bytes.count)
        let url = try plant(bytes)
        let error = #expect(throws: JournalError.self) { try SQLiteJournal(location: store.location) }
        #expect(error?.text.contains(url.path) == true)
        #expect(try [UInt8](Data(contentsOf: url)) == bytes)
    }

    @Test func lockedStoreWaitsThenFails() throws {
        let journal = try SQLiteJournal(location: store.location, busyTimeout: 0.4)
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "a").id
        let other = try DatabaseQueue(path: store.location.databaseURL.path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            let start = Date()
            let error = #expect(throws: JournalError.self) {
                try journal.append(NotePayload(text: "blocked"), to: id, author: "a")
            }
            #expect(Date().timeIntervalSince(start) >= 0.35)
            #expect(error == .locked(path: store.location.databaseURL.path, waitedSeconds: 0.4))
            #expect(error?.text.contains("locked by another process") == true)
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try journal.append(NotePayload(text: "now free"), to: id, author: "a").id == 2)
    }

    @Test func readOnlyDatabaseGivesAClearError() throws {
        let journal = try SQLiteJournal(location: store.location)
        let id = try journal.openIncident(title: "t", severity: "SEV3", author: "a").id
        // query_only makes SQLite answer SQLITE_READONLY as a read-only file would (tests run as root,
        // where file modes do not stop writes).
        try journal.queue.inDatabase { try $0.execute(sql: "PRAGMA query_only = ON") }
        let error = #expect(throws: JournalError.self) {
            try journal.append(NotePayload(text: "x"), to: id, author: "a")
        }
        #expect(error == .readOnly(path: store.location.databaseURL.path))
        #expect(error?.text.contains("read-only") == true)
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores file modes"))
    func readOnlyFolderGivesAClearError() throws {
        _ = try SQLiteJournal(location: store.location)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: store.directory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: store.directory.path) }
        let error = #expect(throws: JournalError.self) { try SQLiteJournal(location: store.location) }
        #expect(error == .readOnly(path: store.directory.path))
    }

    @Test func missingStoreFolderIsCreated() throws {
        let nested = StoreLocation(directory: store.directory.appendingPathComponent("a/b"))
        _ = try SQLiteJournal(location: nested)
        #expect(FileManager.default.fileExists(atPath: nested.databaseURL.path))
    }

    @Test func storeLocationFollowsOptionEnvironmentAndXDG() {
        let env = ["HOME": "/home/alice", "XDG_DATA_HOME": "/xdg", "WARROOM_STORE": "/env"]
        #expect(StoreLocation.resolve(option: "/opt", environment: env).directory.path == "/opt")
        #expect(StoreLocation.resolve(option: nil, environment: env).directory.path == "/env")
        #expect(
            StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/xdg"]).directory.path == "/xdg/warroom")
        #expect(
            StoreLocation.resolve(option: nil, environment: ["HOME": "/home/alice"]).directory.path
                == "/home/alice/.local/share/warroom")
    }
}
