import ConsoleUI
import Foundation
import RunbookKit

/// A small runbook and incident for the console's pure tests.
enum AppFixture {
    static let start = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18T…Z

    static let runbook = Runbook(
        title: "Payments", source: "payments.md",
        severities: [
            SeverityLevel(
                id: "SEV1", rank: 1, name: "Critical", responseTime: Deadline(seconds: 600, text: "10 mins"), line: 1),
            SeverityLevel(
                id: "SEV2", rank: 2, name: "Degraded", responseTime: Deadline(seconds: 1800, text: "30 mins"), line: 2),
            SeverityLevel(
                id: "SEV4", rank: 4, name: "Cosmetic", responseTime: Deadline(seconds: nil, text: "next day"), line: 3)
        ],
        checklists: [
            Checklist(
                title: "Incident Checklist", kind: .incident, section: "Incident", line: 5,
                items: [
                    ChecklistItem(text: "Confirm the alert", phase: "Assess", line: 6),
                    ChecklistItem(text: "Pick a severity", phase: "Assess", deadlineSeconds: 900, line: 7),
                    ChecklistItem(text: "Roll back the deploy", phase: "Mitigate", commands: [1], line: 8)
                ])
        ],
        commands: [
            RunbookCommand(
                id: 1, title: "Roll back", language: "bash", code: "kubectl rollout undo deploy/api",
                section: "Mitigation", line: 20, placeholders: [], risk: .change, riskReason: "rollout",
                runnable: true),
            RunbookCommand(
                id: 2, title: nil, language: "bash", code: "kubectl get pods",
                section: "Diagnosis", line: 30, placeholders: [], risk: .read, riskReason: "get",
                runnable: true)
        ],
        metrics: [
            MetricSpec(
                name: "error_rate", target: "< 0.5%",
                warning: Threshold(op: .greater, value: 1, unit: "%", text: "> 1%", line: 40),
                critical: Threshold(op: .greater, value: 5, unit: "%", text: "> 5%", line: 41), line: 40)
        ])

    static func state(
        width: Int = 120, height: Int = 40, severity: String = "SEV2",
        now: Date = start.addingTimeInterval(69)
    ) -> AppState {
        AppState(
            runbooks: [runbook],
            incident: IncidentSnapshot(
                id: "INC-20261118-1", title: "Checkout failing", severity: severity,
                status: "investigating", startedAt: start, commander: "alice"),
            now: now, width: width, height: height)
    }

    /// Feeds keys; returns every effect in order.
    @discardableResult
    static func press(_ keys: [KeyEvent], _ state: inout AppState) -> [Effect] {
        keys.flatMap { AppUpdate.update(&state, .key($0)) }
    }

    static func event(
        _ id: Int64, _ kind: String, _ text: String, _ change: ConsoleEvent.Change = .none,
        at seconds: TimeInterval = 10, author: String = "bob"
    ) -> ConsoleEvent {
        ConsoleEvent(
            id: id, time: start.addingTimeInterval(seconds), author: author, kind: kind, text: text,
            change: change)
    }
}
