import Foundation
import IncidentKit
import RunbookKit
import Subprocess

extension CommandRun {
    /// Starts the process through swift-subprocess in its own process group, stdin from
    /// /dev/null (or the prepared input), stdout and stderr into one pipe read by an `OutputPump`.
    /// Returns at once; the run completes on its own.
    func launch(
        redactor: Redactor, output: (@Sendable (SanitizedBatch) -> Void)?,
        raw: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil
    ) {
        if let path = prepared.codeFile {
            do { try CodeFile.write(prepared.text, to: path) } catch {
                complete(.failed(error.description))
                return
            }
        }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            CodeFile.remove(prepared.codeFile)
            complete(.failed("cannot create a pipe: \(String(cString: strerror(errno)))"))
            return
        }
        // Neither end leaks into other runs' children; the spawn dups the write end onto 1 and 2.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        #if os(Linux)
            _ = fcntl(fds[1], 1031 /* F_SETPIPE_SZ */, Int32(OutputPump.blockSize))
        #endif
        var file: RedactedOutputFile?
        if let outputFile {
            do { file = try RedactedOutputFile(url: outputFile, redactor: redactor) } catch {
                close(fds[0]); close(fds[1])
                CodeFile.remove(prepared.codeFile)
                complete(.failed("\(error)"))
                return
            }
        }
        let pump = OutputPump(
            fd: fds[0], lineCap: limits.lineCap, ring: ring, file: file, observer: output, raw: raw,
            secrets: prepared.secretNames.compactMap { prepared.values[$0] }
        ) { [self] bytes in
            noteOutput(bytes: bytes)
        }
        pump.start()
        let writeEnd = fds[1]
        Task.detached { [self] in
            while watch() { try? await Task.sleep(for: .milliseconds(50)) }
        }
        Task.detached { [self] in
            let ended = await spawnAndWait(writeEnd: writeEnd)
            // The rest blocks (waiting for the pipe's end, writing the record): on its own thread,
            // never on the concurrency pool that other runs' processes need.
            let thread = Thread { [self] in
                close(writeEnd)
                // Output a background process may still write: all of it until SIGKILL when cancelling.
                pump.finish(timeout: isCancelling ? secondsUntilKill + limits.drainAfterExit : limits.drainAfterExit)
                if let failure = pump.fileFailure {
                    noteFileFailure(failure)
                    ring.append(OutputLine(text: "warroom: the output file could not be written: \(failure)"))
                }
                // Removed before the run is reported ended, so whoever waits for the end finds it gone.
                CodeFile.remove(prepared.codeFile)
                complete(ended)
            }
            thread.name = "warroom run end"
            thread.start()
        }
    }

    private func spawnAndWait(writeEnd: Int32) async -> RunState {
        if let input = prepared.input {
            return await spawn(input: .string(input), writeEnd: writeEnd)
        }
        return await spawn(input: .none, writeEnd: writeEnd)
    }

    private func spawn<Input: InputProtocol>(input: Input, writeEnd: Int32) async -> RunState {
        var options = PlatformOptions()
        options.processGroupID = 0 // its own group, led by the run's first process
        do {
            let result = try await Subprocess.run(
                .path(.init(prepared.executable)), arguments: Arguments(prepared.arguments),
                environment: Self.environment(prepared.environment),
                workingDirectory: prepared.workingDirectory.map { .init($0) }, platformOptions: options,
                input: input, output: .fileDescriptor(.init(rawValue: writeEnd), closeAfterSpawningProcess: false),
                // The same descriptor, not `.combinedWithOutput`: that one duplicates it and, with
                // `closeAfterSpawningProcess: false`, never closes the copy (the pipe would not end).
                error: .fileDescriptor(.init(rawValue: writeEnd), closeAfterSpawningProcess: false)
            ) { [self] execution in
                spawned(processGroup: execution.processIdentifier.value)
            }
            return Self.state(result.terminationStatus)
        } catch {
            return .failed(Self.reason(error, prepared))
        }
    }

    static func environment(_ additions: [String: String]) -> Environment {
        guard !additions.isEmpty else { return .inherit }
        var overrides: [Environment.Key: String?] = [:]
        for (key, value) in additions { overrides[Environment.Key(stringLiteral: key)] = value }
        return .inherit.updating(overrides)
    }

    static func state(_ status: TerminationStatus) -> RunState {
        switch status {
        case .exited(let code): .exited(code)
        case .signaled(let signal): .signalled(signal)
        }
    }

    /// A spawn failure in words: the working directory or the program, when they are the cause.
    static func reason(_ error: any Error, _ run: PreparedRun) -> String {
        var isDirectory: ObjCBool = false
        if let directory = run.workingDirectory,
            !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue
        {
            return "cannot start: the working directory \(directory) does not exist"
        }
        if !FileManager.default.isExecutableFile(atPath: run.executable) {
            return "cannot start: \(run.executable) is not an executable program"
        }
        return "cannot start \(run.executable): \(error)"
    }
}
