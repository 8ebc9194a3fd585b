import Foundation
import Testing
@testable import RunbookKit

/// Every command of the shared runbooks, the fixtures and the bundled example, prepared with a
/// value for each placeholder: each placeholder must be found where it is written, so none is
/// left in the text that runs.
@Suite struct RunbookCommandPreparationTests {
    @Test func everyPlaceholderIsReplaced() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Paths.fixtures.path)
            .filter { $0.hasSuffix(".md") }.sorted().map(Paths.fixture)
        let example = Paths.packageRoot.appendingPathComponent("examples/payments-api.md").path
        let files = fixtures + [example] + (SharedRunbooks.available ? try SharedRunbooks.all() : [])
        var settings = RunnerSettings()
        for language in ["sql", "python"] { settings.runners[language] = RunnerSettings.Runner(commandLine: "cat") }
        var prepared = 0
        for path in files {
            let runbook = try RunbookReader.read(file: path)
            for command in runbook.commands
            where command.runnable && !command.placeholders.isEmpty
                && QuotingLanguage(language: command.language) != nil
            {
                let values = Dictionary(uniqueKeysWithValues: command.placeholders.map { ($0, "v@lue") })
                let run: PreparedRun
                do {
                    run = try RunPreparer.prepare(
                        command, values: values, settings: settings, environment: testEnvironment)
                } catch {
                    Issue.record("\(path):\(command.line): \(error)\n\(command.code)")
                    continue
                }
                prepared += 1
                let left = Placeholders.find(in: run.text, language: command.language).filter {
                    command.placeholders.contains($0)
                }
                #expect(left.isEmpty, "\(path):\(command.line): \(left) left in\n\(run.text)")
            }
        }
        #expect(prepared > 0)
    }
}
