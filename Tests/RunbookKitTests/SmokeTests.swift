import Testing
@testable import RunbookKit

@Test func parsesHeadings() {
    let runbook = RunbookReader.parse(text: "# Title\n\n## Part\n\ntext\n")
    #expect(runbook.title == "Title")
    #expect(runbook.sections.map(\.title) == ["Title", "Part"])
}
