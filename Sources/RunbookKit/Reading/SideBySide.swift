import Foundation

/// Two parts of one read done at once: one on a thread of its own, the other on the calling
/// thread. A large runbook's extractors are independent enough to fill two cores.
///
/// A thread of its own rather than a dispatch queue: a read may itself run on a queue's thread
/// (the console reads runbooks alongside its config), and waiting there for work queued behind it
/// could stall the pool.
enum SideBySide {
    /// Below this size a thread costs more than it saves: the demo runbook (4.5 KB) reads in ~1 ms.
    static let minimumBytes = 64 << 10

    /// Runs `other` and `here` and returns both results; at once when `together`, else in turn.
    /// The two must not share mutable state.
    static func run<A, B>(together: Bool, _ other: () -> A, _ here: () -> B) -> (A, B) {
        guard together else {
            let a = other()
            return (a, here())
        }
        return withoutActuallyEscaping(other) { other in
            let handoff = Handoff(other)
            Thread { handoff.run() }.start()
            let b = here()
            return (handoff.wait(), b)
        }
    }

    /// Lets go of a large read's trees on another thread: freeing a megabyte's blocks takes
    /// ~10 ms that the reader need not wait for. The caller must hold no other reference.
    static func releaseElsewhere(_ trees: some Sendable) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(trees) {} }
    }
}

/// `@unchecked Sendable`: `work` is run and dropped on the other thread before `done` signals, and
/// `result` is read only after that signal.
private final class Handoff<Value>: @unchecked Sendable {
    private var work: (() -> Value)?
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> Value) { self.work = work }

    func run() {
        result = work?()
        work = nil // the closure must not outlive `withoutActuallyEscaping`
        done.signal()
    }

    func wait() -> Value {
        done.wait()
        return result!
    }
}
