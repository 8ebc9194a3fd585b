import ConsoleUI
import Foundation

/// The console's one way in: every source (keys, the clock, the journal watch, the metric sampler,
/// the runbook reader, background failures) posts `Msg`s here, from any thread, and the loop takes
/// them all each turn. A post wakes the loop at once: it writes a byte to a pipe whose read end
/// the loop's wait on the terminal also watches (curses itself stays on the main thread).
final class MsgInbox: @unchecked Sendable {
    // @unchecked: `queue` and `signalled` are only touched under `lock`; the pipe's ends are fixed.
    private let lock = NSLock()
    private var queue: [Msg] = []
    /// A byte is in the pipe and not yet taken: later posts need not write another.
    private var signalled = false
    private let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        // Without a pipe (no descriptors left) posts still queue; the loop's timeout picks them up.
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Readable whenever something was posted and not yet taken.
    var wakeDescriptor: Int32 { readEnd }

    func post(_ message: Msg) { post([message]) }

    func post(_ messages: [Msg]) {
        guard !messages.isEmpty else { return }
        lock.withLock { queue += messages }
        wake()
    }

    /// Wakes the loop without a message (to see a flag: SIGTERM asks it to end).
    func wake() {
        let first = lock.withLock { () -> Bool in
            defer { signalled = true }
            return !signalled
        }
        guard first, writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything posted since the last take, in order, bursts coalesced (`coalesced`).
    func take() -> [Msg] {
        let taken = lock.withLock { () -> [Msg] in
            // Always emptied: a waker may write its byte just after the last take reset the flag.
            if readEnd >= 0 {
                var bytes = [UInt8](repeating: 0, count: 64)
                while read(readEnd, &bytes, bytes.count) > 0 {}
            }
            signalled = false
            defer { queue = [] }
            return queue
        }
        return Self.coalesced(taken)
    }

    /// A burst handled as one message, where the first of it stood: every journal event in one
    /// `.journalEvents` (in posting order), every metric reading in one `.metricReadings` (the
    /// last of each metric, sorted by name), the ticks in the last one (the clock posts on while
    /// the terminal is lent out). Other messages keep their place and order.
    static func coalesced(_ messages: [Msg]) -> [Msg] {
        var result: [Msg] = []
        var eventsAt: Int?, events: [ConsoleEvent] = []
        var readingsAt: Int?, readings: [String: MetricReading] = [:]
        var tickAt: Int?
        for message in messages {
            switch message {
            case .tick:
                if let tickAt { result[tickAt] = message } else { tickAt = result.count; result.append(message) }
            case .journalEvents(let batch):
                if eventsAt == nil { eventsAt = result.count; result.append(message) }
                events += batch
            case .metricReadings(let batch):
                if readingsAt == nil { readingsAt = result.count; result.append(message) }
                for reading in batch { readings[reading.name] = reading }
            default:
                result.append(message)
            }
        }
        if let eventsAt { result[eventsAt] = .journalEvents(events) }
        if let readingsAt { result[readingsAt] = .metricReadings(readings.values.sorted { $0.name < $1.name }) }
        return result
    }
}
