import Foundation
import RunbookKit

/// Where the background read of the runbooks leaves its result for the main loop, which
/// shows its first frame without waiting for it: a 1 MB runbook takes most of a second.
final class RunbookInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<[Runbook], any Error>?

    func put(_ read: Result<[Runbook], any Error>) {
        lock.lock()
        defer { lock.unlock() }
        result = read
    }

    /// The result once (nil before it is there and after it was taken).
    func take() -> Result<[Runbook], any Error>? {
        lock.lock()
        defer { lock.unlock() }
        defer { result = nil }
        return result
    }
}
