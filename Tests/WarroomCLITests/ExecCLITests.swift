import Foundation
import Testing
import WarroomTestSupport

/// `warroom exec`: one runbook command run for real, its status passed through, refusals with
/// exit 2 and nothing run.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct ExecCLITests {
    let folder: URL
    let runbook: String
    let marker: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        marker = folder.appendingPathComponent("marker")
        try FileManager.default.createDirectory(at: marker, withIntermediateDirectories: true)
        runbook = folder.appendingPathComponent("runbook.md").path
        let fence = "```"
        let text = """
            # Exec test runbook

            Say hello:

            \(fence)bash
            echo hello from exec; printf '\\033[31mred\\033[0m\\033]0;title\\007\\n'
            \(fence)

            Fail:

            \(fence)bash
            exit 3
            \(fence)

            Die by a signal:

            \(fence)bash
            kill -TERM $$
            \(fence)

            Describe a pod:

            \(fence)bash
            echo pod is <pod-name> in $NAMESPACE
            \(fence)

            Wipe the marker:

            \(fence)bash
            rm -rf $MARKER_DIR
            \(fence)

            Wait a long time:

            \(fence)bash
            echo "waiting $$"; sleep 30
            \(fence)

            Change something:

            \(fence)bash
            touch $MARKER_DIR/changed
            \(fence)

            Verify by hand:

            \(fence)bash
            1. Open the dashboard and confirm that the error graph is flat again
            \(fence)

            """
        try text.write(toFile: runbook, atomically: true, encoding: .utf8)
    }

    func exec(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try WarroomBinary.run(["exec", runbook] + arguments + ["--store", folder.appendingPathComponent("store").path])
    }

    @Test func passesOutputThroughAndExitsZero() throws {
        let (status, out, err) = try exec(["1"])
        #expect(status == 0)
        // #11: stdout is not a terminal, so the command's bytes pass through as written.
        #expect(out == "hello from exec\n\u{1B}[31mred\u{1B}[0m\u{1B}]0;title\u{07}\n")
        #expect(err.contains("not recorded (no --incident given)"))
    }

    @Test func exitStatusAndSignalsPassThrough() throws {
        #expect(try exec(["2"]).status == 3)
        #expect(try exec(["3"]).status == 128 + 15)
    }

    @Test func missingPlaceholdersAreRefusedNamingThem() throws {
        let (status, out, err) = try exec(["4", "--set", "pod-name=checkout-1"])
        #expect(status == 2)
        #expect(out.isEmpty)
        #expect(err.contains("needs a value for NAMESPACE: give --set NAMESPACE=VALUE"))
        let ok = try exec(["4", "--set", "pod-name=checkout-1", "--set", "NAMESPACE=prod"])
        #expect(ok.status == 0)
        #expect(ok.out.contains("pod is checkout-1 in prod"))
    }

    @Test func destructiveNeedsTheRightWord() throws {
        let refused = try exec(["5", "--set", "MARKER_DIR=\(marker.path)"])
        #expect(refused.status == 2)
        // #11: the word is the target itself (the directory), not a fixed word any target shares.
        #expect(
            refused.err.contains(
                "is destructive (destructive: rm deletes files): to run it, add --confirm \(marker.path)"))
        let wrong = try exec(["5", "--set", "MARKER_DIR=\(marker.path)", "--confirm", "yes"])
        #expect(wrong.status == 2)
        #expect(FileManager.default.fileExists(atPath: marker.path), "nothing ran")
        #expect(try exec(["5", "--set", "MARKER_DIR=\(marker.path)", "--confirm", "RM"]).status == 2)
        let confirmed = try exec(["5", "--set", "MARKER_DIR=\(marker.path)", "--confirm", marker.path])
        #expect(confirmed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func changeCommandsRunWithoutAsking() throws {
        let (status, _, _) = try exec(["7", "--set", "MARKER_DIR=\(marker.path)"])
        #expect(status == 0)
        #expect(FileManager.default.fileExists(atPath: marker.appendingPathComponent("changed").path))
    }

    @Test func manualStepsAndUnknownIdsAreRefused() throws {
        let manual = try exec(["8"])
        #expect(manual.status == 2)
        #expect(manual.err.contains("command 8 is a manual step"))
        let unknown = try exec(["99"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("no command 99"))
    }

    @Test func dryRunRecordsAndRunsNothing() throws {
        let store = folder.appendingPathComponent("store").path
        let opened = try WarroomBinary.run(["incident", "open", "--title", "Exec test", "--store", store])
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, _, _) = try exec(["7", "--set", "MARKER_DIR=\(marker.path)", "--dry-run", "--incident", id])
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker.appendingPathComponent("changed").path))
        let timeline = try WarroomBinary.run(["timeline", id, "--store", store]).out
        #expect(timeline.contains("(dry run)"))
        #expect(timeline.contains("Dry run of #7"))
    }

    @Test func recordsTheRunInTheIncident() throws {
        let store = folder.appendingPathComponent("store").path
        let opened = try WarroomBinary.run(["incident", "open", "--title", "Exec test", "--store", store])
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, _, err) = try exec(["2", "--incident", id, "--as", "carol"])
        #expect(status == 3)
        #expect(!err.contains("not recorded"))
        let timeline = try WarroomBinary.run(["timeline", id, "--store", store]).out
        #expect(timeline.contains("Started #2 `exit 3`"))
        #expect(timeline.contains("Ran #2 `exit 3` → exit 3 in"))
        #expect(timeline.contains("carol"))
    }

    @Test func aRefusedDestructiveRunIsOnTheRecord() throws {
        let store = folder.appendingPathComponent("store").path
        let opened = try WarroomBinary.run(["incident", "open", "--title", "Exec test", "--store", store])
        let id = opened.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let (status, out, _) = try exec([
            "5", "--set", "MARKER_DIR=\(marker.path)", "--incident", id, "--confirm", "yes"
        ])
        #expect(status == 2 && out.isEmpty)
        #expect(FileManager.default.fileExists(atPath: marker.path), "nothing ran")
        let timeline = try WarroomBinary.run(["timeline", id, "--store", store]).out
        #expect(timeline.contains("Refused #5"))
        #expect(timeline.contains("the confirmation given was \"yes\", not \(marker.path)"))
        #expect(!timeline.contains("Started #5"))
    }

    /// Ctrl-C: SIGINT to `warroom exec` cancels the run's group and exits 130.
    @Test func sigintCancelsTheGroupAndExits130() throws {
        let process = Process()
        process.executableURL = WarroomBinary.url
        process.arguments = ["exec", runbook, "6"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("\n"), Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let group = try #require(
            pid_t(text.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        #expect(kill(-group, 0) == 0)
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(Date().timeIntervalSince(sent) < 5)
        #expect(kill(-group, 0) != 0, "the run's group is gone")
    }
}
