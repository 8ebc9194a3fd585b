import Foundation
import IncidentKit
import RunbookKit

/// One run of a prepared command on a `RunBoard`: its state, its recent output, and the means to
/// cancel it. Everything here may be called from any thread.
public final class CommandRun: @unchecked Sendable {
    // @unchecked: the mutable state below `lock` is only touched under it.
    public let id: Int
    public let prepared: PreparedRun
    /// The recent output lines (the whole output is in the output file).
    public let ring: OutputRing
    let limits: RunLimits
    let recorder: RunRecorder
    let startedEvent: TimelineEvent?
    let outputFile: URL?
    private let changes: ChangeCounter

    private let lock = NSLock()
    private var snap: RunSnapshot
    private var processGroup: pid_t?
    private var cancelAt: Date?
    private var sentTerminate = false
    private var sentKill = false
    private var userCancelled = false
    private var timedOutFlag = false
    private var lastOutput: Date
    private var deathSignal: Int32?
    private var done = false
    private var recordError: String?
    private var fileError: String?
    private var waiters: [CheckedContinuation<RunSnapshot, Never>] = []

    init(
        id: Int, prepared: PreparedRun, limits: RunLimits, recorder: RunRecorder, started: TimelineEvent?,
        outputFile: URL?, outputPath: String?, changes: ChangeCounter, initialState: RunState = .running
    ) {
        self.id = id
        self.prepared = prepared
        self.limits = limits
        self.recorder = recorder
        self.startedEvent = started
        self.outputFile = outputFile
        self.changes = changes
        ring = OutputRing(lineLimit: limits.ringLines, byteLimit: limits.ringBytes)
        let now = Date()
        lastOutput = now
        snap = RunSnapshot(
            id: id, commandId: prepared.commandId, title: prepared.title, text: prepared.shownText,
            runner: prepared.runnerName, risk: prepared.risk, state: initialState, started: now,
            outputPath: outputPath, startedEvent: started?.id)
    }

    // MARK: Reading

    public func snapshot() -> RunSnapshot {
        var s = lock.withLock { snap }
        s.lineCount = ring.totalLines
        return s
    }

    public func lines(from: Int, count: Int) -> [OutputLine] { ring.lines(from: from, count: count) }

    /// The number of the oldest line still in memory.
    public var firstKeptLine: Int { ring.firstKeptLine }

    /// Numbers of the kept lines that contain `text` (case-insensitive).
    public func search(_ text: String) -> [Int] { ring.search(text) }

    /// True when the user cancelled it (the state then says how it ended).
    public var wasCancelled: Bool { lock.withLock { userCancelled } }

    /// The process group of the run (its first process's pid), once spawned.
    public var processGroupID: pid_t? { lock.withLock { processGroup } }

    /// Why the run's end could not be written to the journal (disk full …); nil when it was, or
    /// when nothing records. Never swallowed: also the run's last output line.
    public var recordFailure: String? { lock.withLock { recordError } }

    /// Why the output file could not be written whole (disk full …); nil when it was.
    public var outputFileFailure: String? { lock.withLock { fileError } }

    func noteFileFailure(_ reason: String) { lock.withLock { fileError = reason } }

    /// True once the run has ended and its end is recorded (`wait()` would return at once).
    public var isRecorded: Bool { lock.withLock { done } }

    /// Waits until the run has ended and is recorded.
    public func wait() async -> RunSnapshot {
        await withCheckedContinuation { continuation in
            let finished: Bool = lock.withLock {
                if done { return true }
                waiters.append(continuation)
                return false
            }
            if finished { continuation.resume(returning: snapshot()) }
        }
    }

    // MARK: Cancelling

    /// SIGINT to the run's process group now, SIGTERM after `terminateAfter` s, SIGKILL after
    /// `killAfter` s, for whatever is still alive in the group.
    public func cancel() {
        let group: pid_t? = lock.withLock {
            guard snap.state == .running else { return nil }
            userCancelled = true
            snap.cancelled = true
            return beginCancelLocked()
        }
        if let group { signalGroup(group, SIGINT) }
        changes.bump()
    }

    /// The timeout passed: the same escalation as a cancel, ending as `.timedOut`.
    func timeOut() {
        let group: pid_t? = lock.withLock {
            guard snap.state == .running else { return nil }
            timedOutFlag = true
            return beginCancelLocked()
        }
        if let group { signalGroup(group, SIGINT) }
        changes.bump()
    }

    private func beginCancelLocked() -> pid_t? {
        cancelAt = Date()
        snap.state = .cancelling
        return processGroup
    }

    private func signalGroup(_ group: pid_t, _ signal: Int32) {
        kill(-group, signal)
    }

    // MARK: Driven by the launch

    func spawned(processGroup group: pid_t) {
        let cancelPending = lock.withLock {
            processGroup = group
            return cancelAt != nil
        }
        // So that a console killed outright does not leave the group running: the next one kills it.
        if let journal = recorder.journal, let started = startedEvent {
            RunningGroups.note(journal.location, incident: started.incident, event: started.id, group: group)
        }
        if cancelPending { signalGroup(group, SIGINT) }
    }

    func noteOutput(bytes: Int) {
        lock.withLock {
            snap.byteCount += bytes
            if bytes > 0 {
                lastOutput = Date()
                snap.silent = false
            }
        }
        changes.bump()
    }

    /// Checks the timeout, the silence and the cancel escalation; false once nothing is left to
    /// watch (the run ended and no signal step is pending for a group still alive).
    func watch(now: Date = Date()) -> Bool {
        var send: [Int32] = []
        var timeoutDue = false
        var changed = false
        let (group, keepWatching): (pid_t?, Bool) = lock.withLock {
            if !done, snap.state == .running {
                if let timeout = prepared.timeout, now.timeIntervalSince(snap.started) >= timeout { timeoutDue = true }
                if !snap.silent, now.timeIntervalSince(lastOutput) >= prepared.silentAfter {
                    snap.silent = true
                    changed = true
                }
            }
            if let cancelAt {
                let elapsed = now.timeIntervalSince(cancelAt)
                if !sentTerminate, elapsed >= limits.terminateAfter { sentTerminate = true; send.append(SIGTERM) }
                if !sentKill, elapsed >= limits.killAfter { sentKill = true; send.append(SIGKILL) }
            }
            let escalationOver = cancelAt == nil || sentKill
            return (processGroup, !(done && escalationOver))
        }
        if timeoutDue { timeOut() }
        if let group {
            for signal in send where kill(-group, 0) == 0 { signalGroup(group, signal) }
        }
        if changed { changes.bump() }
        if done, let group, kill(-group, 0) != 0 { return false }
        return keepWatching
    }

    /// Whether a cancel or timeout is under way (the launch then waits for the group's output
    /// until SIGKILL has been sent, not just `drainAfterExit`).
    var isCancelling: Bool { lock.withLock { cancelAt != nil } }

    /// Seconds until the escalation has sent SIGKILL (0 when not cancelling or past it).
    var secondsUntilKill: Double {
        lock.withLock {
            guard let cancelAt else { return 0 }
            return max(0, limits.killAfter - Date().timeIntervalSince(cancelAt))
        }
    }

    /// The run ended: its final state, recorded, waiters resumed.
    func complete(_ ended: RunState) {
        let (snapshotNow, cancelled, signal): (RunSnapshot, Bool, Int32?) = lock.withLock {
            var state = ended
            if timedOutFlag, ended.isEndedBySignalOrExit {
                if case .signalled(let n) = ended { deathSignal = n }
                state = .timedOut
            } else if case .signalled(let n) = ended {
                deathSignal = n
            }
            snap.state = state
            snap.finished = Date()
            snap.silent = false
            var s = snap
            s.lineCount = ring.totalLines
            return (s, userCancelled, deathSignal)
        }
        if let startedEvent {
            let tail = ring.tailJoined(limits.tailLines)
            do {
                try recorder.finished(
                    prepared, started: startedEvent, snapshot: snapshotNow, cancelled: cancelled,
                    deathSignal: signal, tail: tail)
            } catch {
                let reason = "\(error)"
                lock.withLock { recordError = reason }
                ring.append(OutputLine(text: "warroom: the end of this run could not be recorded: \(reason)"))
            }
        }
        if let journal = recorder.journal, let started = startedEvent {
            RunningGroups.forget(journal.location, incident: started.incident, event: started.id)
        }
        let resume: [CheckedContinuation<RunSnapshot, Never>] = lock.withLock {
            done = true
            defer { waiters.removeAll() }
            return waiters
        }
        for waiter in resume { waiter.resume(returning: snapshotNow) }
        changes.bump()
    }
}

extension RunState {
    var isEndedBySignalOrExit: Bool {
        switch self {
        case .exited, .signalled: true
        default: false
        }
    }
}
