import Dispatch
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

    /// Runs `other` and `here` and returns both results; at once when `together`, else in turn
    /// (also when no thread can be started). The two must not share mutable state.
    static func run<A, B>(together: Bool, _ other: () -> A, _ here: () -> B) -> (A, B) {
        guard together else {
            let a = other()
            return (a, here())
        }
        return withoutActuallyEscaping(other) { other in
            var a: A? = nil
            let job = Job { a = other() }
            if !job.startThread() { job.run() }
            let b = here()
            job.wait()
            return (a!, b)
        }
    }

    /// Lets go of a large read's trees on another thread: freeing a megabyte's blocks takes
    /// ~10 ms that the reader need not wait for. The caller must hold no other reference.
    static func releaseElsewhere(_ trees: some Sendable) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(trees) {} }
    }
}

/// One piece of work for a thread of its own. `@unchecked Sendable`: `work` is run and dropped
/// once, before `done` signals, and what it wrote is read only after that signal.
private final class Job: @unchecked Sendable {
    private var work: (() -> Void)?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> Void) { self.work = work }

    func run() {
        work?()
        work = nil // the closure must not outlive `withoutActuallyEscaping`
        done.signal()
    }

    func wait() { done.wait() }

    /// Starts `run` on a new thread (8 MB of stack, as the main thread has); false when the
    /// system refuses one.
    func startThread() -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, &attributes,
            { context in
                Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
        if started != 0 { Unmanaged<Job>.fromOpaque(context).release() }
        return started == 0
    }
}
