import ArgumentParser
import Foundation
import Logging

/// `--log FILE` (else `$WARROOM_LOG`): a debug log through swift-log, appended to a file so it never
/// mixes with the console's screen. Without either, loggers discard everything.
enum DebugLog {
    private static let sink = LogSink()

    /// Opens the log for this process; a second call (or none) changes nothing.
    static func start(
        file option: String?, command: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard let path = option ?? environment["WARROOM_LOG"].flatMap({ $0.isEmpty ? nil : $0 }) else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            printError("warroom: cannot open the log \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        sink.attach(fd)
        logger("main").info("warroom \(WarroomVersion.current) \(command)", metadata: ["pid": "\(getpid())"])
    }

    /// A logger for one part of warroom (`console`, `metrics`, `runs`…), labelled `warroom.PART`.
    static func logger(_ part: String) -> Logger {
        Logger(label: "warroom.\(part)") { label in
            sink.isOpen ? FileLogHandler(label: label, sink: sink) as any LogHandler : SwiftLogNoOpLogHandler()
        }
    }
}

/// Options of the commands that log (`open`, `demo`, `exec`, `metrics`).
struct LogOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp(
            "Append a debug log to FILE (default: $WARROOM_LOG; none when unset).", valueName: "FILE"))
    var file: String?
}

/// The log file, shared by every logger; one `write(2)` per line on an O_APPEND descriptor,
/// so lines from threads (and from other warroom processes on the same file) never interleave.
final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32 = -1

    var isOpen: Bool { lock.withLock { fd >= 0 } }

    func attach(_ descriptor: Int32) { lock.withLock { fd = descriptor } }

    func write(_ line: String) {
        let descriptor = lock.withLock { fd }
        guard descriptor >= 0 else { return }
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }
}

/// `2026-12-03T14:22:56.123Z debug warroom.runs: message key=value …`
struct FileLogHandler: LogHandler {
    let label: String
    let sink: LogSink
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        let error = event.error.map { " error=\($0)" } ?? ""
        sink.write("\(Self.timestamp()) \(event.level) \(label): \(event.message)\(fields)\(error)")
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
