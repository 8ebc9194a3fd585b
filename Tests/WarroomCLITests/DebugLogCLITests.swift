import Foundation
import Testing
import WarroomTestSupport

/// The debug log (`--log FILE` or `WARROOM_LOG`): swift-log lines appended to a file.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct DebugLogCLITests {
    static let example = WarroomBinary.packageRoot.appendingPathComponent("examples/payments-api.md").path

    static func temporaryLog() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("warroom-log-\(UUID().uuidString).txt")
    }

    @Test func metricsLogsItsPlanAndSamples() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(at: log) }
        let result = try WarroomBinary.run(["metrics", Self.example, "--log", log.path])
        #expect(!result.err.contains("warroom.metrics"), "nothing of the log on stderr")
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains(" info warroom.main: warroom "), "\(text)")
        #expect(
            text.contains("debug warroom.metrics: bound metric=Retry Queue Depth source=command: echo 42"), "\(text)")
        #expect(text.contains("debug warroom.metrics: sample metric=Retry Queue Depth state=ok value=42.0"), "\(text)")
        #expect(text.contains("debug warroom.metrics: unbound metric=Checkout Error Rate"), "\(text)")
    }

    @Test func theEnvironmentVariableAppendsAndSecretsStayOut() throws {
        let log = Self.temporaryLog()
        defer { try? FileManager.default.removeItem(at: log) }
        var env = ProcessInfo.processInfo.environment
        env["WARROOM_LOG"] = log.path
        for _ in 0..<2 {
            let run = try WarroomBinary.run(["exec", Self.example, "7", "--dry-run"], environment: env)
            #expect(run.status == 0, "\(run.err)")
        }
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(
            lines.filter { $0.contains("info warroom.exec: run command=7 dryRun=true risk=read runner=bash") }.count
                == 2)
        #expect(lines.filter { $0.contains("info warroom.exec: finished cancelled=false state=dryRun") }.count == 2)
        #expect(!lines.contains { $0.contains("loadavg") }, "the command text is not logged")
    }

    @Test func anUnwritableLogIsAnError() throws {
        let result = try WarroomBinary.run(["metrics", Self.example, "--log", "/nonexistent/dir/log.txt"])
        #expect(result.status == 1)
        #expect(result.err.contains("cannot open the log /nonexistent/dir/log.txt"))
    }
}
