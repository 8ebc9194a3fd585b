import CommandRunner
import RunbookKit
import Testing

/// The ring keeps lines as byte chunks; these tests hold it to the plain rule it must follow:
/// after every append, the kept lines are the longest suffix of all lines within the line and
/// byte limits (a line costs its UTF-8 length + 48), and at least the newest line.
@Suite struct OutputRingModelTests {
    /// The rule, line by line, as the ring applied it before it kept chunks.
    struct Model {
        let lineLimit: Int, byteLimit: Int
        var lines: [OutputLine] = []
        var bytes = 0
        var total = 0
        mutating func append(_ line: OutputLine) {
            let cost = line.text.utf8.count + 48
            while !lines.isEmpty, lines.count >= lineLimit || bytes + cost > byteLimit {
                bytes -= lines.removeFirst().text.utf8.count + 48
            }
            lines.append(line)
            bytes += cost
            total += 1
        }
    }

    /// A small deterministic generator, so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: [(5, 100_000), (50, 2_000), (1_000, 700), (3, 60), (1, 10)])
    func batchesAndLinesKeepTheSameLinesAsTheRule(lineLimit: Int, byteLimit: Int) {
        let ring = OutputRing(lineLimit: lineLimit, byteLimit: byteLimit)
        var model = Model(lineLimit: lineLimit, byteLimit: byteLimit)
        var random = Generator(state: UInt64(lineLimit * 31 + byteLimit))
        var sanitizer = OutputSanitizer()
        for step in 0..<300 {
            if random.next(4) == 0 {
                let line = OutputLine(text: "single \(step) é", colors: [ColorRun(start: 0, length: 6, bold: true)])
                ring.append(line)
                model.append(line)
            } else {
                var raw = ""
                for k in 0..<random.next(40) {
                    let width = random.next(120)
                    let body = String(repeating: "x", count: width)
                    raw += k % 3 == 0 ? "\u{1B}[31m\(step)-\(k)\u{1B}[0m \(body)\n" : "\(step)-\(k) \(body)\n"
                }
                sanitizer.feed(Array(raw.utf8))
                sanitizer.consumeBatch { batch in
                    ring.append(batch)
                    for line in batch.lines { model.append(line) }
                }
            }
            #expect(ring.totalLines == model.total)
            #expect(ring.keptLines == model.lines.count)
            #expect(ring.firstKeptLine == model.total - model.lines.count)
        }
        #expect(ring.lines(from: 0, count: model.total) == model.lines)
        #expect(ring.tail(7) == Array(model.lines.suffix(7)))
        let middle = model.total - model.lines.count / 2
        #expect(
            ring.lines(from: middle, count: 3)
                == Array(model.lines.dropFirst(model.lines.count - model.lines.count / 2).prefix(3)))
        let needle = model.lines.last!.text.prefix(5)
        let expected = model.lines.indices.filter { model.lines[$0].text.contains(needle) }
            .map { $0 + model.total - model.lines.count }
        #expect(ring.search(String(needle)) == expected)
    }

    @Test func aLineLargerThanTheByteLimitStaysAlone() {
        let ring = OutputRing(lineLimit: 10, byteLimit: 100)
        ring.append(OutputLine(text: "short"))
        var sanitizer = OutputSanitizer()
        sanitizer.feed(Array((String(repeating: "y", count: 300) + "\n").utf8))
        ring.append(sanitizer.batch)
        #expect(ring.keptLines == 1)
        #expect(ring.tail(5).map(\.text.count) == [300])
    }
}
