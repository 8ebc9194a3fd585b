import Foundation
import Testing
@testable import RunbookKit

/// `RunbookLint`: what a team wants fixed in a runbook before an incident.
struct LintTests {
    static func lint(_ markdown: String, directory: URL? = nil) -> [LintFinding] {
        RunbookLint.findings(RunbookReader.parse(text: markdown, source: "t.md"), text: markdown, directory: directory)
    }

    static func kinds(_ findings: [LintFinding]) -> [String] {
        findings.map { "\($0.line) \($0.kind.rawValue)" }
    }

    @Test func aCarelessRunbookHasOneFindingPerProblem() throws {
        let (runbook, findings) = RunbookLint.check(file: Paths.fixture("lint/careless.md"))
        #expect(runbook != nil)
        #expect(
            Self.kinds(findings) == [
                "3 missing-anchor", "3 missing-file", "10 severity-without-response-time",
                "17 metric-without-threshold",
                "32 destructive-without-caution", "32 unfillable-placeholder", "38 duplicate-command",
                "42 unfillable-placeholder"
            ])
        #expect(findings.allSatisfy { $0.file == Paths.fixture("lint/careless.md") && $0.severity == .warning })
        #expect(findings.contains { $0.message == "link to #who-is-on-call matches no heading in this file" })
        #expect(findings.contains { $0.message.contains("<index name>") })
    }

    @Test func aTidyRunbookHasNone() {
        #expect(RunbookLint.check(file: Paths.fixture("lint/tidy.md")).findings == [])
    }

    @Test func anUnreadableFileIsOneError() {
        let findings = RunbookLint.check(file: "/nonexistent/runbook.md").findings
        #expect(findings.map(\.kind) == [.unreadable])
        #expect(findings.first?.severity == .error)
    }

    @Test func anchorsFollowGitHubSlugsAndExplicitIDs() {
        let text = """
            # 🚨 Incident Response

            ## Step 2: Roll back (fast!)

            ## Notes

            ## Notes

            ## Custom {#my-id}

            <a name="old-anchor"></a>

            [a](#incident-response) [b](#step-2-roll-back-fast) [c](#notes-1) [d](#my-id) [e](#old-anchor)
            [f](#notes-2) [g](https://example.com/#nowhere) `[h](#in-code)`

            ```
            [i](#in-a-fence)
            ```
            """
        #expect(Self.lint(text).map(\.message) == ["link to #notes-2 matches no heading in this file"])
    }

    @Test func relativeFilesAreResolvedBesideTheRunbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "x".write(to: folder.appendingPathComponent("present.md"), atomically: true, encoding: .utf8)
        let text = """
            # T

            [here](present.md#part) [gone](missing%20file.md) ![img](pics/none.png) [mail](mailto:a@b.c)

            [ref]: ./also-missing.txt "title"
            """
        #expect(
            Self.lint(text, directory: folder).map(\.message) == [
                "link to missing file.md names a file that does not exist",
                "link to pics/none.png names a file that does not exist",
                "link to ./also-missing.txt names a file that does not exist"
            ])
    }

    @Test func placeholdersWithoutAUsableName() {
        #expect(PlaceholderLint.unnamedGaps(in: "kubectl delete pod <>") == ["<>"])
        #expect(PlaceholderLint.unnamedGaps(in: "ssh <…> uptime; echo ${} {{ }}") == ["<…>", "${}", "{{ }}"])
        #expect(PlaceholderLint.unnamedGaps(in: "psql -h <db host> -c 'select 1'") == ["<db host>"])
        // Redirections, heredocs and named placeholders are not gaps.
        #expect(PlaceholderLint.unnamedGaps(in: "sort < in.txt > out.txt; cat <<EOF; echo <pod-name>") == [])
        #expect(
            PlaceholderLint.isMeaningless("XXX") && PlaceholderLint.isMeaningless("TODO")
                && PlaceholderLint.isMeaningless("___"))
        #expect(!PlaceholderLint.isMeaningless("POD_NAME") && !PlaceholderLint.isMeaningless("X_ID"))
    }

    @Test func aMeaninglessNameIsReported() {
        let text = """
            # T

            ## Roll back

            ```bash
            kubectl rollout undo deployment/api --to-revision=XXX
            ```
            """
        let findings = Self.lint(text)
        #expect(Self.kinds(findings) == ["6 unfillable-placeholder"])
    }

    @Test func aCautionInTheSectionOrNearbyIsEnough() {
        let cautioned = """
            # T

            ## ⚠️ Dangerous: reset the cache

            ```bash
            redis-cli FLUSHALL
            ```

            ## Drop old partitions

            Run this only if the backup finished.

            ```sql
            DROP TABLE events_2019;
            ```
            """
        #expect(Self.lint(cautioned).filter { $0.kind == .destructiveWithoutCaution } == [])
        let bare = cautioned.replacingOccurrences(of: "⚠️ Dangerous: ", with: "")
            .replacingOccurrences(of: "Run this only if the backup finished.", with: "Run this.")
        #expect(
            Self.kinds(Self.lint(bare).filter { $0.kind == .destructiveWithoutCaution })
                == ["6 destructive-without-caution", "14 destructive-without-caution"])
    }

    @Test func theBundledExampleHasOnlyTheReadersWarning() throws {
        let (_, findings) = RunbookLint.check(
            file: Paths.packageRoot.appendingPathComponent("examples/payments-api.md").path)
        #expect(findings.map(\.kind) == [.reader])
    }
}
