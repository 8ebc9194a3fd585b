import Foundation
import Testing
import WarroomTestSupport

/// #11 item 6: `warroom exec RUNBOOK ID | jq` works — into a pipe the output is the command's
/// bytes, not 4096-character lines with tabs turned to spaces.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct ExecPipeTests {
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    @Test(.enabled(if: has("jq") && has("python3"), "needs jq and python3"))
    func fiveKilobytesOfJSONThroughJq() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("runbook.md").path
        let fence = "```"
        try """
        # Pipe

        Print JSON:

        \(fence)bash
        python3 -c 'import json; print(json.dumps({"big": "v" * 5000, "tab": "a\\tb"}))'
        \(fence)

        """.write(toFile: runbook, atomically: true, encoding: .utf8)
        let binary = try #require(WarroomBinary.url).path
        let store = folder.appendingPathComponent("store").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            "set -o pipefail; '\(binary)' exec '\(runbook)' 1 --store '\(store)' 2>/dev/null "
                + "| jq -r '(.big | length | tostring) + \" \" + .tab'"
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "5000 a\tb\n")
    }

    /// The preview's path warnings reach `exec` too, on stderr.
    @Test func pathWarningsAreShown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-pathwarn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("runbook.md").path
        try "# P\n\nShow:\n\n```bash\nls -d logs/<file> 2>/dev/null; true\n```\n".write(
            toFile: runbook, atomically: true, encoding: .utf8)
        let run = try WarroomBinary.run([
            "exec", runbook, "1", "--set", "file=../../etc", "--store", folder.appendingPathComponent("s").path
        ])
        #expect(run.status == 0)
        #expect(run.err.contains("warning: the value of file has a .. component"), "\(run.err)")
    }
}
