import Foundation
import RunbookKit
import Testing
import CommandRunner

/// A runner line with `{file}` gets the code in a private temporary file, removed afterwards.
@Suite struct CodeFileRunnerTests {
    let board = RunBoard(journal: nil, incident: nil, author: "test")

    func prepared(_ code: String, tmp: String) throws -> PreparedRun {
        var settings = RunnerSettings()
        settings.runners["python"] = RunnerSettings.Runner(commandLine: "python3 {file}")
        let command = RunbookCommand(
            id: 3, title: "Hello", language: "python", code: code, section: "Ops", line: 1,
            placeholders: [], risk: .read, riskReason: "prints", runnable: true)
        return try RunPreparer.prepare(
            command, values: [:], settings: settings,
            environment: ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp]) { $1 })
    }

    @Test func theCodeArrivesInAFileThatIsGoneAfterwards() async throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-codefile-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let run = try prepared(
            "import os, stat, sys\nst = os.stat(sys.argv[0])\nprint('mode', oct(stat.S_IMODE(st.st_mode)))\nprint('hi from', sys.argv[0].rsplit('.', 1)[-1])",
            tmp: tmp)
        let path = try #require(run.codeFile)
        #expect(path.hasPrefix(tmp + "/") && run.input == nil)
        let end = await (try board.start(run)).wait()
        #expect(end.state == .exited(0))
        let lines = board.run(end.id)?.lines(from: 0, count: 10).map(\.text)
        #expect(lines == ["mode 0o600", "hi from py"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anExistingFileAtThePathIsNeverOverwritten() async throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-codefile-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let run = try prepared("print('x')", tmp: tmp)
        let path = try #require(run.codeFile)
        try "planted".write(toFile: path, atomically: false, encoding: .utf8)
        let end = await (try board.start(run)).wait()
        guard case .failed(let reason) = end.state else {
            Issue.record("ran over a planted file: \(end.state)"); return
        }
        #expect(reason.contains("cannot write the code file"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "planted")
    }
}
