import Foundation

/// Calls `action` soon after each `signal()`, at most once per `interval`: a burst of signals (a
/// command writing thousands of lines a second) makes one call per interval, and the last signal
/// of a burst always has a call after it. The call comes on a queue of its own.
public final class PacedSignal: @unchecked Sendable {
    // @unchecked: `pending` and `lastCall` are only touched under `lock`.
    private let lock = NSLock()
    /// A call is scheduled and has not started: later signals are covered by it.
    private var pending = false
    private var lastCall: UInt64 = 0
    private let interval: Double
    private let action: @Sendable () -> Void
    private let queue = DispatchQueue(label: "warroom.paced-signal")

    public init(interval: Double, action: @escaping @Sendable () -> Void) {
        self.interval = interval
        self.action = action
    }

    public func signal() {
        let delay = lock.withLock { () -> Double? in
            guard !pending else { return nil }
            pending = true
            let since = Double(DispatchTime.now().uptimeNanoseconds &- lastCall) / 1e9
            return max(0, interval - since)
        }
        guard let delay else { return }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            // Reset before the call: a change made while `action` runs schedules the next one.
            lock.withLock {
                pending = false
                lastCall = DispatchTime.now().uptimeNanoseconds
            }
            action()
        }
    }
}
