import Foundation
@testable import IncidentKit

/// A temporary store folder, removed when the test's value goes away.
final class TempStore {
    let directory: URL
    var location: StoreLocation { StoreLocation(directory: directory) }

    /// - Parameter inMemoryFileSystem: put the store on /dev/shm when there is one. For tests about
    ///   concurrency, whose time would otherwise be 10,000 fsyncs of a shared disk.
    init(inMemoryFileSystem: Bool = false) {
        var base = FileManager.default.temporaryDirectory
        var isDir: ObjCBool = false
        if inMemoryFileSystem, FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDir), isDir.boolValue,
           access("/dev/shm", W_OK) == 0 {
            base = URL(fileURLWithPath: "/dev/shm")
        }
        directory = base.appendingPathComponent("warroom-tests-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
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
        formatter.formatOptions = iso.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: iso)!
    }
}

/// The `warroom` executable built beside the test bundle (`swift build --build-tests` builds both).
enum WarroomBinary {
    static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("warroom"),
            Bundle.main.bundleURL.appendingPathComponent("warroom"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("warroom"),
            packageRoot.appendingPathComponent(".build/debug/warroom"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs warroom to completion; returns exit status, stdout, stderr.
    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
    }
}

extension JournalError {
    var text: String { description }
}
