import Foundation

/// Runs a shell command line and reads the first number it prints (`42`, `42ms`, `97.5%`).
/// Uses Foundation `Process` (see README decision): the child is terminated on timeout.
public struct CommandSource: MetricSource {
    public let commandLine: String
    public let timeoutSeconds: Double

    public init(_ commandLine: String, timeoutSeconds: Double = 5) {
        self.commandLine = commandLine
        self.timeoutSeconds = timeoutSeconds
    }

    public func sample() async throws -> SourceReading {
        let runner = ProcessRun(commandLine: commandLine)
        let output: ProcessRun.Output
        do {
            output = try await withTimeout(timeoutSeconds) { try await runner.run() }
        } catch {
            runner.terminate()
            throw error
        }
        guard output.status == 0 else {
            let firstLine = output.stderr.split(separator: "\n").first.map(String.init) ?? ""
            throw SourceError("command exited \(output.status)" + (firstLine.isEmpty ? "" : ": \(firstLine)"))
        }
        guard let found = NumberScanner.first(in: output.stdout) else {
            throw SourceError("no number in the command's output")
        }
        return SourceReading(value: found.value, unit: found.unit)
    }
}

/// One `/bin/sh -c` run, collecting output on a background thread.
final class ProcessRun: @unchecked Sendable {
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let commandLine: String
    private let lock = NSLock()
    private var process: Process?

    init(commandLine: String) { self.commandLine = commandLine }

    func run() async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", commandLine]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            lock.lock()
            self.process = process
            lock.unlock()
            do { try process.run() } catch {
                continuation.resume(throwing: SourceError("cannot run /bin/sh: \(error.localizedDescription)"))
                return
            }
            DispatchQueue.global().async {
                // Read stderr concurrently so a chatty command cannot fill one pipe and stall.
                let group = DispatchGroup()
                nonisolated(unsafe) var errData = Data()
                DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: Output(status: process.terminationStatus,
                                                      stdout: String(decoding: outData, as: UTF8.self),
                                                      stderr: String(decoding: errData, as: UTF8.self)))
            }
        }
    }

    func terminate() {
        lock.lock()
        let p = process
        lock.unlock()
        if let p, p.isRunning { p.terminate() }
    }
}
