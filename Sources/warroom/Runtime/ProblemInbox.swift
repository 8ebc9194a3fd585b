import Foundation

/// Where background work of the console (a metric breach written, a status update sent) leaves
/// what went wrong, for the main loop to show in the footer: a failed write is never silent.
final class ProblemInbox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var problems: [String] = []

    func report(_ text: String) {
        lock.withLock { problems.append(text) }
    }

    func drain() -> [String] {
        lock.withLock {
            defer { problems = [] }
            return problems
        }
    }
}
