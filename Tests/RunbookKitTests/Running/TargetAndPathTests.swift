import Testing
@testable import RunbookKit

/// #11 item 2: a destructive command aimed by a value asks for that value, and path values that
/// leave the place the runbook meant are shown as warnings in the preview.
@Suite struct TargetAndPathTests {
    @Test func destructiveTargetIsTheWordToType() throws {
        let command = runbookCommand("kubectl delete pod <pod> -n <namespace>")
        #expect(command.risk == .destructive)
        let run = try RunPreparer.prepare(
            command, values: ["pod": "web-7f9c", "namespace": "shop"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(run.confirmationWord == "web-7f9c")
        // `--all` cannot hide behind a fixed word: it is refused as an option before any word is asked.
        #expect(throws: PrepareProblem.self) {
            try RunPreparer.prepare(
                command, values: ["pod": "--all", "namespace": "shop"], settings: RunnerSettings(),
                environment: testEnvironment)
        }
        // No value aims it: the destructive word stays.
        let fixed = try RunPreparer.prepare(
            runbookCommand("redis-cli FLUSHDB"), values: [:], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(fixed.confirmationWord == "FLUSHDB")
    }

    @Test func secretValuesAreNeverTheWord() throws {
        let command = runbookCommand("curl -X DELETE -H \"Authorization: Bearer $API_TOKEN\" https://api/items/<item>")
        let run = try RunPreparer.prepare(
            command, values: ["API_TOKEN": "s3cr3t-t0ken", "item": "42"], settings: RunnerSettings(),
            environment: testEnvironment)
        if run.risk == .destructive { #expect(run.confirmationWord == "42") }
    }

    @Test func pathValuesThatLeaveTheirPlaceAreWarnings() throws {
        let command = runbookCommand("tail -n 50 logs/<file>")
        let up = try RunPreparer.prepare(
            command, values: ["file": "../../etc/shadow"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(up.warnings.contains { $0.contains("..") })
        let absolute = try RunPreparer.prepare(
            command, values: ["file": "/etc/shadow"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(absolute.warnings.contains { $0.contains("absolute path") })
        let fine = try RunPreparer.prepare(
            command, values: ["file": "app.log"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(fine.warnings.isEmpty)
        let wanted = try RunPreparer.prepare(
            runbookCommand("tail -n 50 <file>"), values: ["file": "/var/log/app.log"],
            settings: RunnerSettings(), environment: testEnvironment)
        #expect(wanted.warnings.isEmpty)
    }
}
