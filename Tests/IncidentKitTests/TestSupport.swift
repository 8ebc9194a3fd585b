import Foundation
@_exported import WarroomTestSupport
@testable import IncidentKit

/// A temporary store folder, removed when the test's value goes away.
final class TempStore: @unchecked Sendable { // @unchecked: `database` is behind `lock`
    let directory: URL
    var location: StoreLocation { StoreLocation(directory: directory) }

    /// - Parameter inMemoryFileSystem: put the store on /dev/shm when there is one. For tests about
    ///   concurrency, whose time would otherwise be 10,000 fsyncs of a shared disk.
    init(inMemoryFileSystem: Bool = false) {
        var base = FileManager.default.temporaryDirectory
        var isDir: ObjCBool = false
        if inMemoryFileSystem, FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDir), isDir.boolValue,
            access("/dev/shm", W_OK) == 0
        {
            base = URL(fileURLWithPath: "/dev/shm")
        }
        directory = base.appendingPathComponent("warroom-tests-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    // The store's own database on the test PostgreSQL server, created on first use.
    private let lock = NSLock()
    private var database: String?

    func postgresDatabase() throws -> String {
        try lock.withLock {
            if let database { return database }
            let made = try PostgresTestServer.createDatabase()
            database = made
            return made
        }
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var current: Date

    init(_ iso: String) { current = TestClock.date(iso) }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    func set(_ iso: String) { lock.withLock { current = TestClock.date(iso) } }

    var function: @Sendable () -> Date { { self.now } }

    static func date(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions =
            iso.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: iso)!
    }
}

extension JournalError {
    var text: String { description }
}
