import Dispatch
import Foundation

/// One dispatch timer for every pending deadline of every sample and HTTP request.
///
/// A detached `Task` sleeping per request cost an allocation, a task switch and a timer each time,
/// although nearly every deadline is cancelled long before it falls due. Here a deadline is an
/// entry in a list ordered by due time; cancelling only forgets it, and the single timer is armed
/// for the earliest entry, so it wakes about once per timeout period and clears the cancelled ones.
final class DeadlineTimer: @unchecked Sendable {
    static let shared = DeadlineTimer()

    /// A scheduled deadline; `cancel` it once the work is done.
    struct Token: Sendable {
        fileprivate let id: UInt64
    }

    private struct Entry {
        var due: UInt64
        var id: UInt64
    }

    private let lock = NSLock()
    private let queue = DispatchQueue(label: "warroom.deadlines")
    private let timer: any DispatchSourceTimer
    /// Due times and ids, earliest first; cancelled ids stay here until they reach the front.
    private var order: [Entry] = []
    private var actions: [UInt64: @Sendable () -> Void] = [:]
    private var nextId: UInt64 = 0
    /// When the timer is armed for; nil when disarmed.
    private var armedFor: UInt64?

    init() {
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.activate()
    }

    deinit { timer.cancel() }

    /// Runs `action` (on the timer's queue) after `seconds`, unless cancelled first.
    func schedule(after seconds: Double, _ action: @escaping @Sendable () -> Void) -> Token {
        let due = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1e9)
        lock.lock()
        nextId &+= 1
        let id = nextId
        actions[id] = action
        // Deadlines mostly share one timeout, so a new one usually belongs at the end.
        var index = order.endIndex
        while index > order.startIndex, order[index - 1].due > due { index -= 1 }
        order.insert(Entry(due: due, id: id), at: index)
        if armedFor.map({ due < $0 }) ?? true { arm(due) }
        lock.unlock()
        return Token(id: id)
    }

    func cancel(_ token: Token) {
        lock.lock()
        actions[token.id] = nil
        lock.unlock()
    }

    /// Pending deadlines (not cancelled, not yet fired).
    var pendingCount: Int {
        lock.withLock { actions.count }
    }

    /// Under the lock, so two callers cannot leave the timer armed for the later of their times.
    private func arm(_ due: UInt64) {
        armedFor = due
        timer.schedule(deadline: DispatchTime(uptimeNanoseconds: due), leeway: .milliseconds(5))
    }

    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        var due: [@Sendable () -> Void] = []
        lock.lock()
        var expired = 0
        while expired < order.count, order[expired].due <= now || actions[order[expired].id] == nil {
            if let action = actions.removeValue(forKey: order[expired].id) { due.append(action) }
            expired += 1
        }
        order.removeFirst(expired)
        if let next = order.first?.due { arm(next) } else { armedFor = nil }
        lock.unlock()
        for action in due { action() }
    }
}
