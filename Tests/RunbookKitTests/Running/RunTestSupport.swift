import Foundation
import Testing
@testable import RunbookKit

/// A runbook command as the reader would make it: placeholders and risk found by the real rules.
func runbookCommand(
    _ code: String, language: String = "bash", id: Int = 1, runnable: Bool = true,
    interactive: Bool = false
) -> RunbookCommand {
    let (risk, reason) = RiskRules.classify(code, language: language)
    return RunbookCommand(
        id: id, title: nil, language: language, code: code, section: "Tests", line: 1,
        placeholders: Placeholders.find(in: code, language: language), risk: risk, riskReason: reason,
        runnable: runnable, interactive: interactive)
}

/// Runs a prepared command for real in a fresh temporary directory holding one file (`zzz-file`,
/// so an unquoted `*` would visibly glob) and reports its stdout and whether anything created
/// the marker file `pwned` that the hostile values try to make.
struct RealRun {
    var stdout: Data
    var stderr: String
    var status: Int32
    var markerCreated: Bool

    var text: String { String(decoding: stdout, as: UTF8.self) }

    static func run(_ prepared: PreparedRun) throws -> RealRun {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-quoting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("zzz-file").path, contents: Data())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prepared.executable)
        process.arguments = prepared.arguments
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PYTHONIOENCODING"] = "utf-8"
        env.merge(prepared.environment) { _, own in own }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = prepared.input == nil ? FileHandle.nullDevice : input
        if let codeFile = prepared.codeFile { try Data(prepared.text.utf8).write(to: URL(fileURLWithPath: codeFile)) }
        defer { if let codeFile = prepared.codeFile { try? FileManager.default.removeItem(atPath: codeFile) } }
        try process.run()
        if let text = prepared.input {
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let marker = FileManager.default.fileExists(atPath: dir.appendingPathComponent("pwned").path)
        return RealRun(
            stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self), status: process.terminationStatus,
            markerCreated: marker)
    }
}

/// Values that try to run code, split, glob or pass as a flag; each would create `pwned` if it ran.
/// (An empty value is refused everywhere: `ValueAsCodeTests.emptyValuesAreRefused`.)
enum HostileValues {
    static let common = [
        "'; touch pwned #",
        "$(touch pwned)",
        "`touch pwned`",
        "\"; touch pwned; \"",
        "\\",
        "a b *",
        "--help",
        "ü🚀",
        "e\u{301}`touch pwned`\u{301}",
        "x\ntouch pwned",
        "''"
    ]
    static let sql =
        common + [
            "'; ATTACH DATABASE 'pwned' AS p; CREATE TABLE p.t(x); SELECT '",
            "\"; ATTACH DATABASE 'pwned' AS p; CREATE TABLE p.t(x); SELECT \"",
            "1; ATTACH DATABASE 'pwned' AS p; CREATE TABLE p.t(x)"
        ]
    static let python =
        common + [
            "\"); open('pwned', 'w'); print(\"", "'); open('pwned', 'w'); print('",
            "__import__('os').system('touch pwned')", "{open('pwned','w')}", "\"\"\"; open('pwned','w') #"
        ]
}

/// The environment of the test process, with PATH as it is.
let testEnvironment = ProcessInfo.processInfo.environment

/// The real python3 executable (a pyenv shim on PATH costs a bash start-up per run).
let python3Path: String = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "python3 -c 'import sys; print(sys.executable)'"]
    let out = Pipe()
    process.standardOutput = out
    guard (try? process.run()) != nil else { return "python3" }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? "python3" : path
}()
