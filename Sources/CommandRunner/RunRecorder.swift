import Foundation
import IncidentKit
import RunbookKit

/// Writes a run's `command_started` and `command_finished` events and creates its output file.
/// Without a journal or an incident it records nothing.
struct RunRecorder: Sendable {
    let journal: (any Journal)?
    let incident: String?
    let author: String
    let redactor: Redactor

    var records: Bool { journal != nil && incident != nil }

    /// The started event and the output file (nil for a dry run), when recording.
    func started(_ run: PreparedRun, dryRun: Bool) throws -> (event: TimelineEvent, file: URL?, path: String?)? {
        guard let journal, let incident else { return nil }
        let values = run.maskedValues.mapValues { redactor.redact($0) }
        let payload = CommandStartedPayload(
            command: redactor.redact(run.shownText), commandId: run.commandId, dryRun: dryRun, values: values,
            runner: redactor.redact(run.runnerName), risk: run.risk.rawValue, interactive: run.interactive,
            title: run.title, pid: Int(getpid()), host: ProcessInfo.processInfo.hostName)
        let event = try journal.append(payload, to: incident, author: author)
        guard !dryRun, !run.interactive else { return (event, nil, nil) }
        let file = try journal.createOutputFile(incident: event.incident, event: event.id)
        return (event, file.url, file.path)
    }

    /// Records how the run ended. `deathSignal`: the signal that ended a timed-out run;
    /// `tail`: its last lines (redacted here).
    func finished(
        _ run: PreparedRun, started: TimelineEvent, snapshot: RunSnapshot, cancelled: Bool,
        deathSignal: Int32?, tail: [String]
    ) throws {
        guard let journal else { return }
        let duration = Int(((snapshot.finished ?? Date()).timeIntervalSince(snapshot.started) * 1000).rounded())
        var exitStatus: Int?, signal: Int?, failure: String?
        switch snapshot.state {
        case .exited(let code): exitStatus = Int(code)
        case .signalled(let number): signal = Int(number)
        case .failed(let reason): failure = reason
        case .timedOut, .dryRun, .running, .cancelling: break
        }
        if case .timedOut = snapshot.state { signal = deathSignal.map(Int.init) }
        let redactor = redactor.adding(literals: run.secretNames.compactMap { run.values[$0] })
        let payload = CommandFinishedPayload(
            command: redactor.redact(run.shownText), commandId: run.commandId, exitStatus: exitStatus, signal: signal,
            durationMs: duration, output: snapshot.outputPath, tail: TailRedaction.redact(tail, with: redactor),
            dryRun: snapshot.state == .dryRun, cancelled: cancelled ? true : nil,
            timedOut: snapshot.state == .timedOut ? true : nil, failure: failure.map(redactor.redact),
            startedEvent: started.id)
        try journal.append(payload, to: started.incident, author: author)
    }
}
