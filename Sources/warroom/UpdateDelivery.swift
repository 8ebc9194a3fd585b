import Foundation
import IncidentKit

/// Sends a status update through the configured `updates.command`: `/bin/sh -c COMMAND` with the
/// text on stdin (the text is data: it never reaches the command line). Its result goes on the record.
enum UpdateDelivery {
    static let timeout: TimeInterval = 30

    /// The payload to record: the text, and how delivery went when a command is configured.
    static func send(_ text: String, command: String?) -> StatusUpdatePayload {
        guard let command, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            return StatusUpdatePayload(text: text)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return StatusUpdatePayload(
                text: text, sentWith: command, failure: "could not start: \(error.localizedDescription)")
        }
        // A reader that exits early must not kill us with SIGPIPE: the write error is enough.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return StatusUpdatePayload(text: text, sentWith: command, failure: "timed out after \(Int(timeout))s")
        }
        if process.terminationReason == .uncaughtSignal {
            return StatusUpdatePayload(
                text: text, sentWith: command,
                failure: "killed by \(EventText.signalName(Int(process.terminationStatus)))")
        }
        return StatusUpdatePayload(text: text, sentWith: command, exitStatus: Int(process.terminationStatus))
    }
}
