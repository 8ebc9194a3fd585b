import CommandRunner
import Foundation
import IncidentKit
import RunbookKit
import Testing

/// #11 item 3: a secret value is in no recorded or displayed text — the started and finished
/// events, the runs list's snapshot, the output file — and a value the environment gave stays in
/// the environment (the record shows `${API_TOKEN}`).
@Suite("Secrets are never stored")
struct SecretRecordTests {
    let store = RunnerTempStore()

    func command(_ code: String) -> RunbookCommand {
        RunbookCommand(
            id: 3, title: "Secret", language: "bash", code: code, section: "Ops", line: 1,
            placeholders: Placeholders.find(in: code, language: "bash"), risk: .read, riskReason: "reads",
            runnable: true)
    }

    @Test func typedSecretIsMaskedEverywhere() async throws {
        let journal = try SQLiteJournal(location: store.location)
        let incident = try journal.openIncident(title: "Leak", severity: "SEV2", author: "alice")
        let board = RunBoard(journal: journal, incident: incident.id, author: "alice", redactor: journal.storedRedactor)
        let secret = "Hx7-plain-looking-9"
        let prepared = try RunPreparer.prepare(
            command("echo connecting with <DB_PASSWORD> now; echo <DB_PASSWORD> | rev | rev"),
            values: ["DB_PASSWORD": secret], settings: RunnerSettings(),
            environment: ProcessInfo.processInfo.environment)
        #expect(prepared.text.contains(secret))
        #expect(!prepared.shownText.contains(secret) && prepared.shownText.contains("••••••"))
        let run = try board.start(prepared)
        let end = await run.wait()
        #expect(end.state == .exited(0))
        #expect(!end.text.contains(secret))
        // The output viewer's lines: the run's secret value is masked there too.
        let shown = board.run(end.id)?.lines(from: 0, count: 10).map(\.text) ?? []
        #expect(shown.count == 2 && !shown.contains { $0.contains(secret) }, "\(shown)")
        let events = try journal.events(incident: incident.id)
        for event in events { #expect(!event.payloadJSON.contains(secret), "\(event.kind): \(event.payloadJSON)") }
        let log = try String(
            contentsOf: store.directory.appendingPathComponent(try #require(end.outputPath)), encoding: .utf8)
        #expect(!log.contains(secret) && log.contains("connecting with"))
        let report = try PostmortemRenderer.render(
            PostmortemReport(incident: try journal.incident(incident.id), events: events))
        #expect(!report.contains(secret))
    }

    @Test func environmentValuesStayInTheEnvironment() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["API_TOKEN"] = "tok-from-env-123456"
        let prepared = try RunPreparer.prepare(
            command("printf '%s\\n' \"token=$API_TOKEN\" | wc -c"), values: [:],
            settings: RunnerSettings(), environment: environment)
        #expect(!prepared.text.contains("tok-from-env"))
        #expect(prepared.text.contains("${API_TOKEN}") && prepared.shownText == prepared.text)
        #expect(prepared.environment["API_TOKEN"] == "tok-from-env-123456")
        let board = RunBoard(journal: nil, incident: nil, author: "t")
        let end = await (try board.start(prepared)).wait()
        // "token=" + 19 characters + newline: the value arrived through the environment.
        #expect(board.run(end.id)?.lines(from: 0, count: 5).map(\.text) == ["26"])
    }
}
