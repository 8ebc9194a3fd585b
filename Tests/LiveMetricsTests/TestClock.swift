import Foundation
@testable import LiveMetrics

/// Virtual time for the sampler: `sleep(until:)` returns only when a test advances the clock past it.
final class TestClock: SamplingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double = 0
    private var sleepers: [(id: UUID, deadline: Double, continuation: CheckedContinuation<Void, any Error>)] = []

    func now() -> Double { lock.withLock { current } }

    func sleep(until deadline: Double) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let ready = lock.withLock { () -> Bool in
                    if deadline <= current { return true }
                    sleepers.append((id, deadline, c))
                    return false
                }
                if ready { c.resume() }
            }
        } onCancel: {
            let cancelled = lock.withLock { () -> CheckedContinuation<Void, any Error>? in
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index).continuation
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    func advance(by seconds: Double) {
        let due = lock.withLock { () -> [CheckedContinuation<Void, any Error>] in
            current += seconds
            let ready = sleepers.filter { $0.deadline <= current }
            sleepers.removeAll { $0.deadline <= current }
            return ready.map(\.continuation)
        }
        due.forEach { $0.resume() }
    }

    /// Sleepers waiting now (a loop that has finished its sample and waits for the next tick).
    var waiting: Int { lock.withLock { sleepers.count } }
}

/// Waits (in real time, briefly) until `condition` holds.
func eventually(_ seconds: Double = 3, _ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}
