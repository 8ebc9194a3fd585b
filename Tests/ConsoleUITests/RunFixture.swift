import ConsoleUI
import Foundation
import RunbookKit

/// A runbook with commands of every kind for the command runner's screens.
enum RunFixture {
    static func command(
        _ id: Int, _ title: String?, _ code: String, _ placeholders: [String] = [], risk: Risk = .read,
        reason: String = "reads", language: String = "bash", runnable: Bool = true
    ) -> RunbookCommand {
        RunbookCommand(
            id: id, title: title, language: language, code: code, section: "Runbook > Ops", line: id * 10,
            placeholders: placeholders, risk: risk, riskReason: reason, runnable: runnable)
    }

    static let runbook = Runbook(
        title: "Payments", source: "payments.md",
        checklists: [
            Checklist(
                title: "Incident Checklist", kind: .incident, section: "Incident", line: 1,
                items: [
                    ChecklistItem(text: "Look at the pods", commands: [6, 2], line: 2),
                    ChecklistItem(text: "Call the DBA", line: 3)
                ])
        ],
        commands: [
            command(
                1, "Roll back", "kubectl rollout undo deploy/<deploy>", ["deploy"], risk: .change,
                reason: "rollout undo"),
            command(2, "Pods", "kubectl get pods -n $NAMESPACE", ["NAMESPACE"]),
            command(
                3, "Pod status", "curl -H \"Authorization: $API_TOKEN\" https://api/<pod-name>",
                ["API_TOKEN", "pod-name"]),
            command(4, "Flush", "redis-cli FLUSHDB", risk: .destructive, reason: "FLUSHDB empties the database"),
            command(5, "Call the on-call DBA", "Call the on-call DBA", language: "manual", runnable: false),
            command(6, "Uptime", "uptime")
        ])

    static func state(width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(
            runbooks: [runbook],
            incident: IncidentSnapshot(
                id: "INC-1", title: "Checkout failing", severity: "SEV2",
                status: "investigating", startedAt: AppFixture.start),
            now: AppFixture.start.addingTimeInterval(100), width: width, height: height)
        state.environment = ["NAMESPACE": "payments"]
        state.focus = .commands
        return state
    }

    static func type(_ text: String) -> [KeyEvent] { text.map { .char($0) } }

    /// The run started by the last effect, if it was one.
    static func started(_ effects: [Effect]) -> PreparedRun? {
        guard case .startRun(let run, _)? = effects.last else { return nil }
        return run
    }

    static func snapshot(
        _ id: Int, command: Int, _ state: RunState, started seconds: TimeInterval = 40,
        finished: TimeInterval? = nil, silent: Bool = false, lines: Int = 0,
        outputPath: String? = nil
    ) -> RunSnapshot {
        RunSnapshot(
            id: id, commandId: command, title: runbook.command(command)?.title,
            text: runbook.command(command)?.code ?? "", runner: "bash",
            risk: runbook.command(command)?.risk ?? .read, state: state,
            started: AppFixture.start.addingTimeInterval(seconds),
            finished: finished.map { AppFixture.start.addingTimeInterval($0) }, silent: silent, lineCount: lines,
            outputPath: outputPath)
    }

    static func screen(_ state: AppState, depth: ColorDepth = .ansi256) -> (Canvas, String) {
        let canvas = AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: depth))
        return (canvas, canvas.lines.joined(separator: "\n"))
    }

    /// Moves the commands selection to the command with `id` (rows are in runbook order).
    static func select(_ id: Int, _ state: inout AppState) {
        state.selection[.commands] = state.commands.firstIndex { $0.id == id } ?? 0
    }
}
