import Foundation

/// Runs `body`, failing with "timeout after Ns" when it takes longer. Returns at the deadline
/// even when the body ignores cancellation (a hung read), so a stuck source cannot hold its caller.
/// The deadline is an entry of the shared `DeadlineTimer`, not a sleeping task per call.
func withTimeout<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let once = ResumeOnce<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            once.set(continuation)
            let work = Task {
                do { once.resume(with: .success(try await body())) } catch { once.resume(with: .failure(error)) }
            }
            let deadline = DeadlineTimer.shared.schedule(after: seconds) {
                once.resume(with: .failure(SourceError.timeout(seconds)))
                work.cancel()
            }
            once.onResume { DeadlineTimer.shared.cancel(deadline) }
        }
    } onCancel: {
        once.resume(with: .failure(CancellationError()))
    }
}

/// Resumes a continuation exactly once, whichever of work, timer or cancellation comes first.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var pending: Result<T, any Error>?
    private var done = false
    private var cleanup: (@Sendable () -> Void)?

    func set(_ c: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let pending {
            lock.unlock()
            c.resume(with: pending)
            return
        }
        continuation = c
        lock.unlock()
    }

    func onResume(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        if done { lock.unlock(); action(); return }
        cleanup = action
        lock.unlock()
    }

    func resume(with result: Result<T, any Error>) {
        lock.lock()
        guard !done else { lock.unlock(); return }
        done = true
        let c = continuation
        continuation = nil
        if c == nil { pending = result }
        let action = cleanup
        lock.unlock()
        c?.resume(with: result)
        action?()
    }
}
