import CommandRunner
import Foundation
import IncidentKit
import RunbookKit
import Testing

@Suite("Command runs")
struct CommandRunTests {
    let board = RunBoard(journal: nil, incident: nil, author: "tester")

    @Test func exitStatusAndOutput() async throws {
        let run = try board.start(bashRun("echo hello; echo oops >&2; exit 3"))
        let end = await run.wait()
        #expect(end.state == .exited(3))
        #expect(run.lines(from: 0, count: 10).map(\.text) == ["hello", "oops"])
        #expect(end.lineCount == 2)
        #expect(end.byteCount == 11)
        #expect(end.finished != nil)
    }

    @Test func deathBySignal() async throws {
        let end = await (try board.start(bashRun("kill -TERM $$"))).wait()
        #expect(end.state == .signalled(SIGTERM))
    }

    @Test func stdinIsDevNullUnlessInputIsGiven() async throws {
        let silent = try board.start(bashRun("cat; echo end"))
        #expect(await silent.wait().state == .exited(0))
        #expect(silent.lines(from: 0, count: 5).map(\.text) == ["end"])
        let fed = try board.start(bashRun("cat", input: "line one\nline two\n"))
        _ = await fed.wait()
        #expect(fed.lines(from: 0, count: 5).map(\.text) == ["line one", "line two"])
    }

    @Test func environmentAndWorkingDirectory() async throws {
        let run = try board.start(
            bashRun(
                "echo \"$WARROOM_TEST_VALUE\"; pwd; echo \"$HOME\"",
                environment: ["WARROOM_TEST_VALUE": "from the runner"],
                workingDirectory: "/tmp"))
        _ = await run.wait()
        let lines = run.lines(from: 0, count: 5).map(\.text)
        #expect(lines.prefix(2) == ["from the runner", "/tmp"])
        #expect(lines.last == ProcessInfo.processInfo.environment["HOME"]) // inherited
    }

    @Test func ownProcessGroup() async throws {
        let run = try board.start(bashRun("ps -o pgid= -p $$"))
        let end = await run.wait()
        #expect(end.state == .exited(0))
        let group = Int32(run.lines(from: 0, count: 1).first?.text.trimmingCharacters(in: .whitespaces) ?? "")
        #expect(group == run.processGroupID)
        #expect(group != getpgrp())
    }

    @Test func idsCountUpAndRunsOverlap() async throws {
        let first = try board.start(bashRun("sleep 0.5; echo a"))
        let second = try board.start(bashRun("echo b"))
        #expect(first.id == 1)
        #expect(second.id == 2)
        #expect(board.runs().count == 2)
        #expect(board.run(2) === second)
        let before = board.version
        _ = await second.wait()
        #expect(first.snapshot().state == .running)
        _ = await first.wait()
        #expect(board.version != before)
    }

    @Test func badWorkingDirectoryFails() async throws {
        let end = await (try board.start(bashRun("echo no", workingDirectory: "/nonexistent/dir"))).wait()
        guard case .failed(let reason) = end.state else { Issue.record("state \(end.state)"); return }
        #expect(reason.contains("working directory /nonexistent/dir"))
    }

    @Test func missingRunnerProgramFails() async throws {
        var prepared = bashRun("select 1")
        prepared.executable = "/nonexistent/bin/psql"
        let end = await (try board.start(prepared)).wait()
        guard case .failed(let reason) = end.state else { Issue.record("state \(end.state)"); return }
        #expect(reason.contains("/nonexistent/bin/psql is not an executable program"))
    }

    @Test func prepareProblemsSayWhatToDo() {
        #expect(PrepareProblem.noRunner(language: "sql").description.contains("runners:\n    sql:"))
        #expect(
            PrepareProblem.runnerNotFound(language: "sql", program: "psql").description
                .contains("needs psql, which is not installed"))
    }

    @Test func silentFlagAfterNoOutput() async throws {
        let run = try board.start(bashRun("echo start; sleep 3; echo end", silentAfter: 0.5))
        #expect(await eventually(2.5) { run.snapshot().silent })
        #expect(run.snapshot().state == .running)
        let end = await run.wait()
        #expect(end.state == .exited(0))
        #expect(!end.silent)
    }

    @Test func timeoutCancelsTheRun() async throws {
        let started = Date()
        let end = await (try board.start(bashRun("sleep 30", timeout: 0.5))).wait()
        #expect(end.state == .timedOut)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func dryRunSpawnsNothing() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-dry-\(UUID().uuidString)")
        let run = try board.start(bashRun("touch '\(marker.path)'"), dryRun: true)
        let end = await run.wait()
        #expect(end.state == .dryRun)
        #expect(run.processGroupID == nil)
        try await Task.sleep(for: .milliseconds(200))
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func escapeSequencesAndBinaryFromARealProcess() async throws {
        let script = #"printf '\033[2J\033]0;pwned\007\033[31mred\033[0m\tx\r\n'; head -c 300000 /dev/urandom; echo"#
        let run = try board.start(bashRun(script))
        #expect(await run.wait().state == .exited(0))
        let lines = run.lines(from: run.firstKeptLine, count: 100_000)
        #expect(lines.first == OutputLine(text: "red     x", colors: [ColorRun(start: 0, length: 3, foreground: 1)]))
        for line in lines {
            #expect(
                !line.text.unicodeScalars.contains {
                    $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
                })
        }
    }
}
