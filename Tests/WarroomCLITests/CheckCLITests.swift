import Foundation
import Testing
import WarroomTestSupport

/// `warroom check` as CI and pre-commit hooks run it: `--strict` and the machine formats.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct CheckCLITests {
    static let lintFixtures = WarroomBinary.packageRoot.appendingPathComponent("Tests/RunbookKitTests/Fixtures/lint")
    static let careless = lintFixtures.appendingPathComponent("careless.md").path
    static let tidy = lintFixtures.appendingPathComponent("tidy.md").path

    @Test func strictGitHubAnnotationsFailTheJob() throws {
        let (status, out, err) = try WarroomBinary.run(["check", "--strict", "--format", "github", Self.careless])
        #expect(status == 1, "\(err)")
        let file = Self.careless
        #expect(
            out.split(separator: "\n").map(String.init) == [
                "::warning file=\(file),line=3::link to #who-is-on-call matches no heading in this file",
                "::warning file=\(file),line=3::link to index-notes.md names a file that does not exist",
                "::warning file=\(file),line=10::severity SEV2 has no response time; the console cannot count down its SLA",
                "::warning file=\(file),line=17::metric \"Heap Pressure\" has no warning or critical threshold; nothing says when it is bad",
                "::warning file=\(file),line=32::destructive command #3 (curl -X DELETE http://localhost:9200/<index name>) has no warning or caution near it",
                "::warning file=\(file),line=32::placeholder <index name> in command #3 has no name the console can ask for",
                "::warning file=\(file),line=38::the same command as line 23: curl -s http://localhost:9200/_cat/nodes",
                "::warning file=\(file),line=42::placeholder <...> in command #5 has no name the console can ask for"
            ])
    }

    @Test func withoutStrictWarningsDoNotFail() throws {
        #expect(try WarroomBinary.run(["check", "--format", "github", Self.careless]).status == 0)
        let clean = try WarroomBinary.run(["check", "--strict", "--format", "github", Self.tidy])
        #expect(clean.status == 0 && clean.out.isEmpty, "\(clean.out)")
    }

    @Test func jsonListsFindingsWithTheirFields() throws {
        let (status, out, err) = try WarroomBinary.run(["check", "--format", "json", Self.careless, Self.tidy])
        #expect(status == 0, "\(err)")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(findings.count == 8)
        for finding in findings {
            #expect(Set(finding.keys) == ["file", "line", "severity", "message", "kind"])
            #expect(finding["file"] as? String == Self.careless && finding["line"] is Int)
            #expect(finding["severity"] as? String == "warning")
        }
        #expect(findings.compactMap { $0["kind"] as? String }.contains("duplicate-command"))
    }

    @Test func textKeepsTheSummaryAndAddsFileLineWarnings() throws {
        let (status, out, _) = try WarroomBinary.run(["check", Self.careless])
        #expect(status == 0)
        #expect(out.hasPrefix("\(Self.careless): Search Cluster Runbook\n"))
        #expect(out.contains("\(Self.careless):10: warning: severity SEV2 has no response time"))
    }

    @Test func anUnreadableFileIsAnErrorAnnotationAndExitsOne() throws {
        let (status, out, _) = try WarroomBinary.run(["check", "--format", "github", "/nonexistent/runbook.md"])
        #expect(status == 1)
        #expect(out == "::error file=/nonexistent/runbook.md,line=1::no such file\n")
    }
}
