import Foundation

extension Journal {
    /// Runs started on this host by a process that is gone, with no `command_finished`: a console
    /// killed (even with SIGKILL) or a machine that lost power. Each gets a `command_finished`
    /// saying its result is unknown, so the record never shows a run as still going forever.
    /// `isAlive`: whether a process id still runs (injected for tests).
    @discardableResult
    public func reconcileOrphanedRuns(
        incident: String, host: String, author: String,
        isAlive: (Int) -> Bool
    ) throws -> [TimelineEvent] {
        let events = try events(incident: incident)
        var ended = Set<Int64>()
        var outputs = Set<String>()
        for event in events where event.kind == .commandFinished {
            guard
                let payload = try? JSONDecoder().decode(CommandFinishedPayload.self, from: Data(event.payloadJSON.utf8))
            else {
                continue
            }
            if let id = payload.startedEvent { ended.insert(id) }
            if let output = payload.output { outputs.insert(output) }
        }
        var appended: [TimelineEvent] = []
        for event in events where event.kind == .commandStarted && !ended.contains(event.id) {
            guard
                let started = try? JSONDecoder().decode(CommandStartedPayload.self, from: Data(event.payloadJSON.utf8)),
                !started.dryRun, let pid = started.pid, started.host == host, !isAlive(pid),
                !outputs.contains("outputs/\(incident)/\(event.id).log")
            else { continue }
            let killed = RunningGroups.killOrphan(location, incident: incident, event: event.id)
            let payload = CommandFinishedPayload(
                command: started.command, commandId: started.commandId, exitStatus: nil,
                durationMs: Int(max(0, now().timeIntervalSince(event.time)) * 1000),
                failure: "result unknown: the process running it (pid \(pid)) ended before it did"
                    + (killed.map { "; its process group \($0) was still running and was killed" } ?? ""),
                startedEvent: event.id)
            appended.append(try append(payload, to: incident, author: author))
        }
        return appended
    }
}
