import CommandRunner
import Foundation
import Testing

/// The console's loop wakes on run changes through a `PacedSignal`: promptly, but not once per
/// block of a chatty command's output.
@Suite("Paced change signals")
struct PacedSignalTests {
    /// Call times, kept from the signal's own queue.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var times: [Date] = []
        func add() { lock.withLock { times.append(Date()) } }
        var all: [Date] { lock.withLock { times } }
    }

    @Test func aBurstMakesAFewCallsAndTheLastSignalIsFollowedByOne() async throws {
        let calls = Calls()
        let paced = PacedSignal(interval: 0.05) { calls.add() }
        // The burst comes from a thread of its own, as a run's output reader's signals do: a test
        // task can wait its turn while other tests hold the pool's threads, and a burst that did
        // not happen would prove nothing.
        let lastSignal = await withCheckedContinuation { (done: CheckedContinuation<Date, Never>) in
            Thread.detachNewThread {
                let start = Date()
                while Date().timeIntervalSince(start) < 0.3 {
                    paced.signal()
                    usleep(1000)
                }
                done.resume(returning: Date())
            }
        }
        try await Task.sleep(nanoseconds: 200_000_000)
        let times = calls.all
        // About 0.3 s / 0.05 s (fewer on a loaded machine): never one per signal (~300 of them).
        #expect(times.count >= 2 && times.count <= 10, "\(times.count) calls")
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 0.045)
        }
        #expect(times.last.map { $0 >= lastSignal.addingTimeInterval(-0.06) } == true, "the burst's end is seen")
    }

    @Test func aLoneSignalIsCalledAtOnce() async throws {
        let calls = Calls()
        let paced = PacedSignal(interval: 1) { calls.add() }
        let signalled = Date()
        paced.signal()
        try await Task.sleep(nanoseconds: 600_000_000)
        #expect(calls.all.count == 1)
        #expect(calls.all.first.map { $0.timeIntervalSince(signalled) < 0.5 } == true)
    }

    @Test func aRunsOutputAndEndSignalTheBoard() async throws {
        let calls = Calls()
        let board = RunBoard(
            journal: nil, incident: nil, author: "tester", onChange: PacedSignal(interval: 0.01) { calls.add() })
        let run = try board.start(bashRun("echo one; sleep 0.1; echo two"))
        _ = await run.wait()
        try await Task.sleep(nanoseconds: 100_000_000)
        // The start, the first line, the second line and the end are at least two paced calls.
        #expect(calls.all.count >= 2)
    }
}
