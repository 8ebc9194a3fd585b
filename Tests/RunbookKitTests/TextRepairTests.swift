import Foundation
import Testing
@testable import RunbookKit

@Suite struct TextRepairTests {
    static func read(_ name: String) throws -> String {
        try String(contentsOfFile: Paths.fixture(name), encoding: .utf8)
    }

    @Test(arguments: ["mojibake-macroman.md", "mojibake-cp1252.md"])
    func repairsToTheOriginal(name: String) throws {
        let damaged = try Self.read(name)
        let expected = try Self.read("mojibake-expected.md")
        #expect(damaged != expected)
        let (repaired, report) = MojibakeRepair.repair(damaged)
        #expect(repaired == expected)
        #expect(report.repairs > 0)
        #expect(report.firstLine == 1)
    }

    @Test func correctTextIsNeverTouched() throws {
        let good = try Self.read("mojibake-expected.md")
        let (same, report) = MojibakeRepair.repair(good)
        #expect(same == good)
        #expect(report.repairs == 0)
        for text in ["“élan” and «guillemets»", "Ä“ German quote", "naïve café ÆØÅ", "日本語 テキスト", "→ ↓ ⚠️ 🚨"] {
            #expect(MojibakeRepair.repair(text).text == text)
        }
    }

    @Test func repairedHeadingsAndWarning() throws {
        let runbook = try Paths.fixtureRunbook("mojibake-macroman.md")
        #expect(runbook.title == "🚨 Incident Handbook")
        #expect(runbook.sections.map(\.title).contains("⚠️ Escalation"))
        #expect(runbook.escalation.map(\.who) == ["On-call", "Team lead", "CTO"])
        #expect(runbook.warnings.contains { $0.message.contains("Mac Roman") })
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let runbook = try Paths.fixtureRunbook("latin1-bytes.md")
        #expect(runbook.title == "Café runbook")
        #expect(runbook.warnings.contains { $0.line == 1 && $0.message.contains("Windows-1252") })
    }

    @Test func bomAndCRLF() {
        let text = "\u{FEFF}# Title\r\n\r\n## Part\r\n\r\n- [ ] one\r\n- [ ] two\r\n"
        let runbook = RunbookReader.parse(text: text)
        #expect(runbook.title == "Title")
        #expect(runbook.checklists.first?.items.map(\.text) == ["one", "two"])
        #expect(runbook.sections.map(\.line) == [1, 3])
    }
}
