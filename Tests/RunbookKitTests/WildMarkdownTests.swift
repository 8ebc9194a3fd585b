import Testing
@testable import RunbookKit

@Suite struct WildMarkdownTests {
    let runbook: Runbook

    init() throws { runbook = try Paths.fixtureRunbook("wild.md") }

    @Test func frontMatterTitleAndNoH1() {
        #expect(runbook.title == "Ledger Service Runbook")
        #expect(runbook.sections.first?.title == "Severity")
        #expect(runbook.sections.first?.line == 8, "front matter keeps line numbers")
    }

    @Test func headingAttributesAndTOCDropped() {
        #expect(!runbook.sections.contains { $0.title.contains("{#") })
        #expect(!runbook.sections.contains { $0.title.contains("TOC") })
    }

    @Test func skippedHeadingLevelsStillNumberSteps() throws {
        let procedure = try #require(runbook.procedures.first { $0.title == "Restore Steps" })
        #expect(procedure.steps.first?.text == "Stop the writers")
        #expect(procedure.steps.map(\.phase).contains("Promote"))
    }

    @Test func commentsInsideCodeAreNotHeadings() {
        #expect(!runbook.sections.contains { $0.title.contains("Comments are not headings") })
        #expect(runbook.commands.contains { $0.code.contains("find /var/lib/ledger/wal") })
    }

    @Test func admonitionBodyIsRead() {
        #expect(
            runbook.sections.map(\.title) == [
                "Severity", "Restore Steps", "1. Stop the writers", "2. Check the replica",
                "3. Promote", "Cleanup"
            ])
        // The admonition's list is Markdown again, not an indented code block.
        #expect(!runbook.codeBlocks.contains { $0.code.contains("Check replication lag") })
    }

    @Test func wrappedTaskItems() throws {
        let checklist = try #require(runbook.checklists.first { $0.title == "Cleanup" })
        #expect(checklist.items.map(\.text) == ["Confirm balances match the bank file", "Close the incident"])
    }
}
