import Foundation
import Testing
@testable import RunbookKit

/// A large document is parsed in two parts at once (`MarkdownSplit`): every cut it may make must
/// give the blocks of one whole parse, or be refused.
@Suite struct MarkdownSplitTests {
    /// Parses `text` cut at each place a cut may be made; returns (cuts taken, cuts refused).
    static func cutEverywhere(_ text: String, source: String = "text") -> (taken: Int, refused: Int) {
        let whole = MarkdownParser.parse(text)
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var taken = 0, refused = 0
            for offset in MarkdownSplit.candidates(in: bytes) {
                let line = bytes[..<offset].filter { $0 == 10 }.count + 1
                guard let cut = MarkdownParser.parse(bytes, cutAt: offset, line: line) else {
                    refused += 1
                    continue
                }
                taken += 1
                #expect(cut.document == whole.document, "\(source): the cut at line \(line) reads differently")
                #expect(cut.flattenedLines == whole.flattenedLines && cut.holdsHTMLTable == whole.holdsHTMLTable)
            }
            return (taken, refused)
        }
    }

    @Test func everyCutOfEveryRunbookReadsAsTheWhole() throws {
        var taken = 0
        for path in try SideBySideTests.inputs() {
            taken +=
                Self.cutEverywhere(
                    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), source: path
                ).taken
        }
        #expect(taken > 500)
    }

    @Test func aHeadingInsideAnOpenFenceIsNotACut() {
        let text = """
            # Restart

            ```bash
            echo checking

            # restart the worker
            systemctl restart worker
            ```

            ## After

            Check it.
            """
        let result = Self.cutEverywhere(text)
        #expect(result.refused == 1 && result.taken == 1)
    }

    @Test func aHeadingInsideAnHTMLCommentIsNotACut() {
        let text = "# Title\n\n<!--\nhidden\n\n# Not a heading\n-->\n\n## Real\n\ntext\n"
        let result = Self.cutEverywhere(text)
        #expect(result.refused == 1 && result.taken == 1)
    }

    @Test func aFenceInAListItemClosesBeforeTheCut() {
        #expect(Self.cutEverywhere("# Steps\n\n1. Run:\n\n   ```\n   ls\n   ```\n\n## Next\n\ntext\n").taken == 1)
        // Left open, the list item's fence is closed by the heading in a whole parse: the cut is
        // refused all the same, and the fence the stray closing line opens refuses the next.
        let open = Self.cutEverywhere("# Steps\n\n1. Run:\n\n   ```\n   ls\n\n# At column 0\n   ```\n\n## Next\n")
        #expect(open.taken == 0 && open.refused == 2)
    }

    @Test func referenceDefinitionsAndCarriageReturnsAreNeverCut() {
        var withReference = "# A\n\nSee [the docs][docs].\n\n# B\n\ntext\n\n[docs]: https://example.com\n"
        var withReturns = "# A\r\n\r\ntext\r\n\r\n# B\r\n\r\ntext\r\n"
        #expect(withReference.withUTF8 { MarkdownSplit.candidates(in: $0) }.isEmpty)
        #expect(withReturns.withUTF8 { MarkdownSplit.candidates(in: $0) }.isEmpty)
        #expect(withReference.withUTF8 { MarkdownParser.parseInParts($0) } == nil)
    }

    @Test func onlyAHeadingAfterABlankLineIsACut() {
        var text = "# A\ntext\n# B\n\n#hashtag\n\n####### seven\n\n## C\n"
        let cuts = text.withUTF8 { MarkdownSplit.candidates(in: $0) }
        #expect(cuts == [Array(text.utf8).count - 5])
    }

    @Test func theCutIsNearTheMiddle() {
        let sections = (1...40).map { "## Section \($0)\n\nSome text about step \($0).\n" }
        var text = "# Runbook\n\n" + sections.joined(separator: "\n")
        let cut = text.withUTF8 { MarkdownSplit.point(in: $0) }
        let count = text.utf8.count
        #expect(cut.map { $0.offset >= count / 2 && $0.offset < count * 3 / 4 } == true)
        let parsed = MarkdownParser.parse(text, inHalves: true)
        #expect(parsed.document == MarkdownParser.parse(text).document)
    }

    /// cmark-gfm's inline pass keeps its special characters in a table for the whole process
    /// (`MarkdownParser.registration`): parses at once must each still find every link, also
    /// while another parse reads a table's rows.
    @Test func parsesAtOnceFindTheSameLinks() {
        let line = "See https://status.example.com/incidents and ~~old~~ www.example.org/runbook now.\n\n"
        let table = "| Step | Link |\n|---|---|\n| ~~one~~ | www.example.org/a |\n| two | https://example.com/b |\n\n"
        let text = "# Links\n\n" + String(repeating: line + table, count: 400)
        let expected = MarkdownParser.parse(text).document
        var links = 0
        expected.forEachDescendant { block in
            links += block.inlines.filter { if case .link = $0 { true } else { false } }.count
        }
        #expect(links == 400 * 4) // two autolinks in each paragraph and two in each table
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            results.add(MarkdownParser.parse(text).document == expected)
        }
        #expect(results.all == Array(repeating: true, count: 16))
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool] = []
        func add(_ value: Bool) { lock.withLock { values.append(value) } }
        var all: [Bool] { lock.withLock { values } }
    }
}
