import Foundation
import Testing
@testable import LiveMetrics

/// The one shared timer behind every sample's and request's deadline, on its own instance.
@Suite struct DeadlineTimerTests {
    /// Records which deadlines fired, in order.
    final class Fired: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func add(_ name: String) { lock.withLock { names.append(name) } }
        var all: [String] { lock.withLock { names } }
    }

    @Test func aDeadlineFiresAndACancelledOneDoesNot() async throws {
        let timer = DeadlineTimer(), fired = Fired()
        let kept = timer.schedule(after: 0.05) { fired.add("kept") }
        let dropped = timer.schedule(after: 0.02) { fired.add("dropped") }
        timer.cancel(dropped)
        try await Task.sleep(for: .milliseconds(300))
        #expect(fired.all == ["kept"])
        #expect(timer.pendingCount == 0)
        timer.cancel(kept) // after firing: nothing happens
        #expect(timer.pendingCount == 0)
    }

    @Test func anEarlierDeadlineScheduledLaterFiresFirst() async throws {
        let timer = DeadlineTimer(), fired = Fired()
        // Margins of 0.3 s or more: on a loaded 2-core machine a wake-up can be 100 ms late.
        _ = timer.schedule(after: 1.0) { fired.add("late") }
        _ = timer.schedule(after: 0.05) { fired.add("early") }
        try await Task.sleep(for: .milliseconds(400))
        #expect(fired.all == ["early"])
        try await Task.sleep(for: .milliseconds(1000))
        #expect(fired.all == ["early", "late"])
    }

    /// Many cancelled deadlines ahead of a live one neither fire nor delay it.
    @Test func cancelledDeadlinesAheadDoNotHoldALiveOne() async throws {
        let timer = DeadlineTimer(), fired = Fired()
        for index in 0..<200 {
            timer.cancel(timer.schedule(after: 0.01 + Double(index) / 10_000) { fired.add("cancelled") })
        }
        _ = timer.schedule(after: 0.1) { fired.add("live") }
        try await Task.sleep(for: .milliseconds(400))
        #expect(fired.all == ["live"])
        #expect(timer.pendingCount == 0)
    }
}
