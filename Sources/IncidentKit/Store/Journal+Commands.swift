import Foundation

extension Journal {
    /// Records a finished command: its full output goes (redacted) to
    /// `outputs/<incident>/<started event>.log`, its last lines and result into a
    /// `command_finished` event.
    @discardableResult
    public func recordCommandFinished(
        started: TimelineEvent, command: String, commandId: Int? = nil,
        exitStatus: Int?, signal: Int? = nil, durationMs: Int, output: String,
        dryRun: Bool = false, tailLines: Int = 10, author: String
    ) throws -> TimelineEvent {
        let path = try writeOutput(output, incident: started.incident, event: started.id)
        let payload = CommandFinishedPayload(
            command: command, commandId: commandId, exitStatus: exitStatus, signal: signal, durationMs: durationMs,
            output: path, tail: Self.tail(output, lines: tailLines), dryRun: dryRun)
        return try append(payload, to: started.incident, author: author)
    }

    /// The last `lines` lines of `text`, without the empty line a final newline leaves.
    static func tail(_ text: String, lines: Int) -> [String] {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if all.last == "" { all.removeLast() }
        return Array(all.suffix(lines))
    }

    /// Creates the empty 0600 output file of a run that streams its output there as it comes:
    /// `outputs/<incident>/<started event>.log`. Returns the file and the path relative to the store
    /// folder (for `CommandFinishedPayload.output`).
    public func createOutputFile(incident: String, event: Int64) throws -> (url: URL, path: String) {
        let folder = location.outputsURL.appendingPathComponent(incident)
        try PrivateFiles.makeDirectory(location.outputsURL)
        try PrivateFiles.makeDirectory(folder)
        let url = folder.appendingPathComponent("\(event).log")
        try PrivateFiles.write(Data(), to: url)
        return (url, "outputs/\(incident)/\(event).log")
    }
}
