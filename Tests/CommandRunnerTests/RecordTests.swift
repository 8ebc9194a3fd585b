import CommandRunner
import Foundation
import IncidentKit
import RunbookKit
import Testing

@Suite("Runs on the record")
struct RecordTests {
    let store = RunnerTempStore()

    func open() throws -> (any Journal, String, RunBoard) {
        let journal = try SQLiteJournal(location: store.location)
        let incident = try journal.openIncident(title: "Checkout down", severity: "SEV2", author: "alice@bastion")
        let board = RunBoard(
            journal: journal, incident: incident.id, author: "alice@bastion",
            redactor: journal.storedRedactor)
        return (journal, incident.id, board)
    }

    func decoded<P: Decodable>(_ type: P.Type, _ event: TimelineEvent) throws -> P {
        try JSONDecoder().decode(type, from: Data(event.payloadJSON.utf8))
    }

    @Test func startedAndFinishedPayloads() async throws {
        let (journal, incident, board) = try open()
        let script = "for i in $(seq 1 30); do echo line $i; done; echo 'password=hunter2'; exit 4"
        let prepared = bashRun(
            script, id: 7, title: "Show lines", risk: .change,
            values: ["pod-name": "checkout-1", "API_TOKEN": "s3cr3t-value"], secrets: ["API_TOKEN"])
        let run = try board.start(prepared)
        let end = await run.wait()
        #expect(end.state == .exited(4))
        let events = try journal.events(incident: incident).filter {
            $0.kind == .commandStarted || $0.kind == .commandFinished
        }
        try #require(events.count == 2)
        #expect(events.allSatisfy { $0.author == "alice@bastion" })
        #expect(events[0].payloadJSON.contains("\"values\":{"))
        let started = try decoded(CommandStartedPayload.self, events[0])
        #expect(started.commandId == 7)
        #expect(started.title == "Show lines")
        #expect(started.values == ["pod-name": "checkout-1", "API_TOKEN": "••••••"])
        #expect(started.runner == "bash")
        #expect(started.risk == "change")
        #expect(started.interactive == false)
        #expect(!started.dryRun)
        #expect(!events[0].payloadJSON.contains("s3cr3t"))
        #expect(end.startedEvent == events[0].id)

        let finished = try decoded(CommandFinishedPayload.self, events[1])
        #expect(finished.exitStatus == 4)
        #expect(finished.signal == nil)
        #expect(finished.durationMs >= 0)
        #expect(finished.output == "outputs/\(incident)/\(events[0].id).log")
        #expect(finished.tail.count == 20)
        #expect(finished.tail.last == "password=[REDACTED]")
        #expect(finished.tail.first == "line 12")
        #expect(finished.cancelled == nil && finished.timedOut == nil)

        let file = store.directory.appendingPathComponent(finished.output!)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("line 1\nline 2\n"))
        #expect(text.hasSuffix("line 30\npassword=[REDACTED]\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(end.outputPath == finished.output)

        let line = EventText.describe(events[1])
        #expect(line.hasPrefix("Ran #7 `for i in"))
        #expect(line.contains("→ exit 4 in "))
    }

    @Test func secretsInTheMiddleOfAFloodAreRedacted() async throws {
        let (_, _, board) = try open()
        let script =
            "seq 1 50000; echo 'db password=hunter2 here'; seq 50001 100000; echo 'Authorization: Bearer abcdef123456'"
        let end = await (try board.start(bashRun(script))).wait()
        let text = try String(contentsOf: store.directory.appendingPathComponent(end.outputPath!), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 100_003)
        #expect(lines[50_000] == "db password=[REDACTED] here")
        #expect(lines[100_001] != "Authorization: Bearer abcdef123456" && lines[100_001].contains("[REDACTED]"))
        #expect(lines[49_999] == "50000" && lines[50_001] == "50001" && lines[100_000] == "100000")
        #expect(!text.contains("hunter2"))
    }

    @Test func outputFileKeepsColoursOut() async throws {
        let (_, _, board) = try open()
        let run = try board.start(bashRun(#"printf '\033[31mred\033[0m plain\n'"#))
        let end = await run.wait()
        let text = try String(contentsOf: store.directory.appendingPathComponent(end.outputPath!), encoding: .utf8)
        #expect(text == "red plain\n")
        #expect(run.lines(from: 0, count: 1).first?.colors.count == 1)
    }

    @Test func cancelledRunIsRecordedWithItsSignal() async throws {
        let (journal, incident, board) = try open()
        let run = try board.start(bashRun("echo waiting; sleep 30", id: 3))
        #expect(await eventually(5) { run.snapshot().lineCount == 1 })
        run.cancel()
        _ = await run.wait()
        let finished = try #require(try journal.events(incident: incident).last)
        let payload = try decoded(CommandFinishedPayload.self, finished)
        #expect(payload.cancelled == true)
        #expect(payload.signal == Int(SIGINT))
        #expect(payload.exitStatus == nil)
        #expect(payload.tail == ["waiting"])
        #expect(EventText.describe(finished).contains("→ cancelled (SIGINT) after "))
    }

    @Test func timedOutRunIsRecorded() async throws {
        let (journal, incident, board) = try open()
        _ = await (try board.start(bashRun("sleep 30", timeout: 0.3))).wait()
        let finished = try #require(try journal.events(incident: incident).last)
        let payload = try decoded(CommandFinishedPayload.self, finished)
        #expect(payload.timedOut == true)
        #expect(EventText.describe(finished).contains("→ timed out (SIGINT) after "))
    }

    @Test func dryRunRecordsBothEventsAndNoFile() async throws {
        let (journal, incident, board) = try open()
        let marker = store.directory.appendingPathComponent("touched")
        let end = await (try board.start(bashRun("touch '\(marker.path)'"), dryRun: true)).wait()
        #expect(end.state == .dryRun)
        #expect(end.outputPath == nil)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        let events = try journal.events(incident: incident).filter {
            $0.kind == .commandStarted || $0.kind == .commandFinished
        }
        #expect(try decoded(CommandStartedPayload.self, events[0]).dryRun)
        #expect(try decoded(CommandFinishedPayload.self, events[1]).dryRun)
        #expect(EventText.describe(events[0]).hasSuffix("(dry run)"))
        #expect(EventText.describe(events[1]).hasPrefix("Dry run of #7"))
    }

    @Test func failedStartIsRecorded() async throws {
        let (journal, incident, board) = try open()
        _ = await (try board.start(bashRun("true", workingDirectory: "/nonexistent/wd"))).wait()
        let payload = try decoded(
            CommandFinishedPayload.self, try #require(try journal.events(incident: incident).last))
        #expect(payload.failure?.contains("/nonexistent/wd") == true)
        #expect(payload.exitStatus == nil)
    }

    @Test func postmortemListsTheRuns() async throws {
        let (journal, incident, board) = try open()
        _ = await (try board.start(bashRun("echo ok", id: 2))).wait()
        let run = try board.start(bashRun("sleep 30", id: 5))
        #expect(await eventually(5) { run.processGroupID != nil })
        run.cancel()
        _ = await run.wait()
        let report = PostmortemReport(
            incident: try journal.incident(incident), events: try journal.events(incident: incident))
        #expect(report.commands.map(\.exit) == ["exit 0", "cancelled (SIGINT)"])
        #expect(report.commands.map(\.command) == ["echo ok", "sleep 30"])
    }

    @Test func interactiveRunsAreRecordedWithoutAFile() throws {
        let (journal, incident, board) = try open()
        let end = try board.runInteractive(bashRun("exit 5", id: 9))
        #expect(end.state == .exited(5))
        let events = try journal.events(incident: incident).filter {
            $0.kind == .commandStarted || $0.kind == .commandFinished
        }
        #expect(try decoded(CommandStartedPayload.self, events[0]).interactive == true)
        let finished = try decoded(CommandFinishedPayload.self, events[1])
        #expect(finished.exitStatus == 5)
        #expect(finished.output == nil)
    }

    /// 200 MB of `y` lines: the ring stays bounded, the file has all of it.
    @Test func twoHundredMegabytes() async throws {
        let (_, _, board) = try open()
        let started = Date()
        let run = try board.start(bashRun("yes | head -c 200000000"))
        var peakKept = 0
        while run.snapshot().isActive {
            peakKept = max(peakKept, run.ring.keptLines)
            try await Task.sleep(for: .milliseconds(50))
        }
        let end = await run.wait()
        #expect(end.state == .exited(0))
        #expect(end.byteCount == 200_000_000)
        #expect(end.lineCount == 100_000_000)
        #expect(peakKept <= 10_000 && run.ring.keptLines == 10_000)
        #expect(run.firstKeptLine == 100_000_000 - 10_000)
        let size =
            try FileManager.default.attributesOfItem(
                atPath: store.directory.appendingPathComponent(end.outputPath!).path)[.size] as? Int
        #expect(size == 200_000_000)
        #expect(Date().timeIntervalSince(started) < 120)
    }
}
