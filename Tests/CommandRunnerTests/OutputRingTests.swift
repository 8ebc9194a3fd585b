import CommandRunner
import RunbookKit
import Testing

@Suite struct OutputRingTests {
    @Test func keepsTheLastLinesAndCountsAll() {
        let ring = OutputRing(lineLimit: 3)
        for i in 0..<10 { ring.append(OutputLine(text: "line \(i)")) }
        #expect(ring.totalLines == 10)
        #expect(ring.firstKeptLine == 7)
        #expect(ring.lines(from: 0, count: 100).map(\.text) == ["line 7", "line 8", "line 9"])
        #expect(ring.lines(from: 8, count: 1).map(\.text) == ["line 8"])
        #expect(ring.tail(2).map(\.text) == ["line 8", "line 9"])
    }

    @Test func theByteCapBoundsIt() {
        let ring = OutputRing(lineLimit: 1000, byteLimit: 1000)
        for _ in 0..<100 { ring.append(OutputLine(text: String(repeating: "x", count: 100))) }
        #expect(ring.keptLines < 10)
        #expect(ring.totalLines == 100)
        #expect(ring.lines(from: ring.firstKeptLine, count: 1000).count == ring.keptLines)
    }

    @Test func batchesKeepOnlyWhatFits() {
        var sanitizer = OutputSanitizer()
        sanitizer.feed(Array((0..<50).map { "n\($0)\n" }.joined().utf8))
        let ring = OutputRing(lineLimit: 5)
        ring.append(sanitizer.batch)
        #expect(ring.totalLines == 50)
        #expect(ring.firstKeptLine == 45)
        #expect(ring.lines(from: 45, count: 10).map(\.text) == ["n45", "n46", "n47", "n48", "n49"])
    }

    @Test func searchFindsKeptLinesCaseInsensitively() {
        let ring = OutputRing(lineLimit: 4)
        for text in ["Error one", "fine", "an ERROR", "ok", "error three"] { ring.append(OutputLine(text: text)) }
        #expect(ring.search("error") == [2, 4])
        #expect(ring.search("") == [])
    }
}
