import CommandRunner
import Foundation

/// Holds a cancel request that may come before the run exists: `exec` takes over SIGINT before
/// it starts the command, so a Ctrl-C in that window cancels the run as soon as it is attached
/// instead of killing warroom with the command left running unrecorded.
final class CancelLatch: @unchecked Sendable {
    // @unchecked: both fields are only touched under `lock`.
    private let lock = NSLock()
    private var run: CommandRun?
    private var requested = false

    func cancel() {
        lock.lock()
        requested = true
        let target = run
        lock.unlock()
        target?.cancel()
    }

    func attach(_ run: CommandRun) {
        lock.lock()
        self.run = run
        let cancelNow = requested
        lock.unlock()
        if cancelNow { run.cancel() }
    }
}
