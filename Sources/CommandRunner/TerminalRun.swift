import Foundation
import RunbookKit
import Subprocess

/// Runs an interactive command with the caller's own terminal and waits for it. It stays in the
/// caller's process group, the terminal's foreground group, so it may read the keyboard and gets
/// Ctrl-C itself; meanwhile the caller ignores SIGINT and SIGQUIT so that Ctrl-C ends only the
/// command.
enum TerminalRun {
    static func run(_ prepared: PreparedRun) -> RunState {
        var oldInt = sigaction(), oldQuit = sigaction(), ignore = sigaction()
        #if os(Linux)
            ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
            ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.state = await spawn(prepared)
            done.signal()
        }
        done.wait()
        return box.state
    }

    private static func spawn(_ prepared: PreparedRun) async -> RunState {
        defer { CodeFile.remove(prepared.codeFile) }
        do {
            if let path = prepared.codeFile { try CodeFile.write(prepared.text, to: path) }
            let result = try await Subprocess.run(
                .path(.init(prepared.executable)), arguments: Arguments(prepared.arguments),
                environment: CommandRun.environment(prepared.environment),
                workingDirectory: prepared.workingDirectory.map { .init($0) },
                input: .fileDescriptor(.standardInput, closeAfterSpawningProcess: false),
                output: .fileDescriptor(.standardOutput, closeAfterSpawningProcess: false),
                error: .fileDescriptor(.standardError, closeAfterSpawningProcess: false))
            return CommandRun.state(result.terminationStatus)
        } catch {
            return .failed(CommandRun.reason(error, prepared))
        }
    }

    /// Carries the state from the spawning task to the waiting thread (the semaphore orders them).
    private final class ResultBox: @unchecked Sendable {
        var state = RunState.failed("did not run")
    }
}
