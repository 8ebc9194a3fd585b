import Foundation
import Subprocess

/// Runs a shell command line and reads the first number it prints (`42`, `42ms`, `97.5%`).
/// Runs through swift-subprocess: on timeout the sample's task is cancelled and Subprocess tears
/// the child's process group down (SIGKILL), so a hung command cannot outlive its sample.
public struct CommandSource: MetricSource {
    public let commandLine: String
    public let timeoutSeconds: Double

    public init(_ commandLine: String, timeoutSeconds: Double = 5) {
        self.commandLine = commandLine
        self.timeoutSeconds = timeoutSeconds
    }

    public func sample() async throws -> SourceReading {
        let commandLine = commandLine
        // Own session, so a timeout kills the shell *and* what it started (`sleep 30; echo 1`
        // forks; killing only the shell would leave the sleep running).
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [
            .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))
        ]
        let platformOptions = options
        let (status, stdout, stderr) = try await withTimeout(timeoutSeconds) {
            let result: ExecutionResult<Void, StringOutput<UTF8>, StringOutput<UTF8>>
            do {
                result = try await Subprocess.run(
                    .path("/bin/sh"), arguments: ["-c", commandLine],
                    platformOptions: platformOptions,
                    input: .none, output: .string(limit: 64 * 1024),
                    error: .string(limit: 8 * 1024))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw SourceError("cannot run the command: \(error)")
            }
            return (result.terminationStatus, result.standardOutput, result.standardError)
        }
        guard case .exited(0) = status else {
            let firstLine = stderr.split(separator: "\n").first.map(String.init) ?? ""
            let how: String =
                switch status {
                case .exited(let code): "command exited \(code)"
                default: "command was killed (\(status))"
                }
            throw SourceError(how + (firstLine.isEmpty ? "" : ": \(firstLine)"))
        }
        guard let found = NumberScanner.first(in: stdout) else {
            throw SourceError("no number in the command's output")
        }
        return SourceReading(value: found.value, unit: found.unit)
    }
}
