import Foundation
import Testing
@testable import RunbookKit

/// What a commander finds in the public runbooks of other teams (../shared/corpus), read
/// like the seeds are: alert runbooks, handbooks, escalation SOPs, a postmortem template.
@Suite(.enabled(if: Corpus.available, "../shared/corpus is absent"))
struct CorpusTests {
    @Test func everyFileReadsQuicklyWithoutPromptsOrOutputAsCommands() throws {
        for path in try Corpus.all() {
            let start = Date()
            let runbook = try RunbookReader.read(file: path)
            #expect(Date().timeIntervalSince(start) < 1.0, "\(path) reads in under a second (debug build)")
            for command in runbook.commands where command.runnable {
                let code = command.code.trimmed
                #expect(
                    !code.hasPrefix("$ ") && !code.hasPrefix("❯") && !code.hasPrefix("127.0.0.1:"), "\(path): \(code)")
                let firstLine = code.split(separator: "\n").first ?? ""
                #expect(!PastedOutput.isOutput(firstLine), "\(path): output offered as a command: \(code)")
            }
        }
    }

    @Test func alertRunbooksKeepEachAlertAndItsLevel() throws {
        let mixin = try Corpus.runbook("01_")
        #expect(
            !mixin.metrics.contains {
                ["message", "severity", "runbook"].contains($0.name.lowercased().split(separator: " ").first ?? "")
            })
        let unreachable = mixin.metrics.filter { $0.name.lowercased().contains("instance unreachable") }
        #expect(!unreachable.isEmpty && unreachable.allSatisfy { $0.critical == nil })
        let thanos = try Corpus.runbook("02_")
        #expect(thanos.metrics.count >= 48)
    }

    @Test func levelsWrittenAsHeadingsOrProse() throws {
        let burn = try Corpus.runbook("03_")
        #expect(Set(burn.severities.map(\.id)).isSuperset(of: ["CRITICAL", "WARNING"]))
        let sourcegraph = try Corpus.runbook("14_")
        #expect(sourcegraph.severities.first { $0.id == "CRITICAL" }?.responseTime?.seconds == 0)
    }

    @Test func indentedAndSessionCommandsAreFoundAndJudged() throws {
        let odf = try Corpus.runbook("04_")
        #expect(odf.commands.contains { $0.code.hasPrefix("oc get storageconsumers") && $0.risk == .read })
        #expect(!odf.commands.contains { $0.runnable && $0.code.contains("External ID:") })
        let redis = try Corpus.runbook("12_")
        #expect(redis.commands.contains { $0.code.contains("SLOWLOG GET") && $0.risk == .read })
        #expect(redis.commands.filter { $0.code.contains("knife search") }.allSatisfy { $0.risk == .read })
        let xmin = try Corpus.runbook("11_")
        #expect(xmin.commands.contains { $0.code.contains("pg_terminate_backend") && $0.risk == .destructive })
        let gke = try Corpus.runbook("10_")
        #expect(gke.commands.filter { $0.code.contains("node-pools list") }.allSatisfy { $0.risk == .read })
    }

    @Test func escalationContactsAndChecklistsInProse() throws {
        let during = try Corpus.runbook("07_")
        #expect(during.contacts.contains { $0.contact == "#incident-chat" })
        #expect(!during.escalation.isEmpty)
        let gitlab = try Corpus.runbook("09_")
        #expect(gitlab.checklists.contains { $0.section.lowercased().contains("imoc checklist") })
        #expect(gitlab.escalation.contains { $0.who.contains("IMOC") })
        let gke = try Corpus.runbook("10_")
        #expect(gke.checklists.contains { $0.items.count >= 4 })
    }

    @Test func aPostmortemTemplateIsKnownByItsSections() throws {
        let template = try Corpus.runbook("08_")
        #expect(template.templates.contains { $0.kind == .postmortem })
        #expect(template.title.lowercased().contains("postmortem"))
        let runnable = template.commands.filter { $0.runnable }
        #expect(runnable.isEmpty)
    }
}
