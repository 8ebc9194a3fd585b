import Foundation
import Testing
@testable import RunbookKit

/// Hostile and huge inputs: never a crash, always a result in bounded time. The bound is a
/// hang detector for a debug build on a busy 2-core machine, not a performance figure
/// (`make bench` measures speed).
@Suite struct RobustnessTests {
    static let bound: Duration = .seconds(30)

    func read(_ bytes: [UInt8], _ what: String) -> Runbook {
        let clock = ContinuousClock()
        var runbook: Runbook? = nil
        let elapsed = clock.measure { runbook = RunbookReader.parse(bytes: bytes, source: what) }
        #expect(elapsed < Self.bound, "\(what) took \(elapsed)")
        return runbook!
    }

    func read(_ text: String, _ what: String) -> Runbook { read(Array(text.utf8), what) }

    @Test func emptyAndBlank() {
        let empty = read([UInt8](), "empty")
        #expect(empty.title == "empty")
        #expect(empty.warnings.contains { $0.message.contains("empty") })
        _ = read("\n\n   \n", "blank")
    }

    @Test func binaryJunk() {
        var rng = SplitMix64(seed: 7)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let runbook = read(bytes, "junk")
        #expect(runbook.warnings.contains { $0.message.contains("Windows-1252") })
    }

    @Test func fiveMegabyteRunbook() throws {
        var bytes: [UInt8] = []
        let pieces = try FileManager.default.contentsOfDirectory(atPath: Paths.fixtures.path).filter {
            $0.hasSuffix(".md")
        }
        .map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: Paths.fixture($0)))) }
        while bytes.count < 5_000_000 { for piece in pieces { bytes += piece + Array("\n\n".utf8) } }
        let runbook = read(bytes, "5MB")
        #expect(runbook.commands.count > 1000)
        #expect(runbook.severities.count >= 2)
    }

    @Test func listNestedAThousandDeep() {
        var text = ""
        for depth in 0..<1000 { text += String(repeating: "  ", count: depth) + "- level \(depth)\n" }
        let runbook = read(text, "nested list")
        #expect(runbook.warnings.contains { $0.message.contains("flattened") })
        var quotes = String(repeating: "> ", count: 1000) + "deep quote\n"
        quotes += String(repeating: "*", count: 5000) + "emphasis" + String(repeating: "*", count: 5000)
        _ = read(quotes, "nested quotes")
    }

    @Test func hundredThousandItems() {
        var text = "# Checklist\n\n## Incident Checklist\n\n"
        for i in 0..<100_000 { text += "- [ ] step \(i)\n" }
        let runbook = read(text, "100k items")
        #expect(runbook.incidentChecklist?.items.count == 100_000)
    }

    @Test func unterminatedFenceAndOneMegabyteLine() {
        let fence =
            "# X\n\n## Fix\n\n```bash\nkubectl get pods\n" + String(repeating: "echo still in the fence\n", count: 1000)
        let runbook = read(fence, "unterminated fence")
        #expect(!runbook.codeBlocks.isEmpty)
        let line = "# X\n\n" + String(repeating: "word `kubectl get pods` [x] <td> > 5% ", count: 30_000) + "\n"
        _ = read(line, "1MB line")
        _ = read("# X\n\n<table>" + String(repeating: "<", count: 500_000), "unclosed tags")
        _ = read(
            "# X\n\n```markdown\n## Summary\n## Impact\n## Root Cause\n" + String(repeating: "[", count: 500_000)
                + "]\n```\n",
            "brackets")
    }

    @Test func alertListOfThousands() {
        var text = "# X\n\n## Critical Alerts\n\n"
        for i in 0..<20_000 { text += "- Metric \(i) errors > \(i)% for 5 minutes\n" }
        let runbook = read(text, "alerts")
        #expect(runbook.metrics.count >= 1000)
    }

    @Test func lineEndingsAndEncodings() {
        let crlf = read(
            "# T\r\n\r\n## Severity Levels\r\n\r\n| Level | Response Time |\r\n|---|---|\r\n| SEV1 | 15 min |\r\n| SEV2 | 1 hour |\r\n",
            "crlf")
        #expect(crlf.severities.map(\.responseTime?.seconds) == [900, 3600])
        let cr = read("# T\r## A\r- [ ] one\r", "cr")
        #expect(cr.checklists.first?.items.count == 1)
        let bom = read([0xEF, 0xBB, 0xBF] + Array("# Title\n".utf8), "bom")
        #expect(bom.title == "Title")
        let invalid = read([0x23, 0x20, 0xC3, 0x28, 0xFF, 0xFE, 0x0A], "invalid")
        #expect(invalid.warnings.contains { $0.message.contains("not valid UTF-8") })
        let nul = read(Array("# A\u{0}B\n".utf8), "nul")
        #expect(nul.warnings.contains { $0.message.contains("NUL") })
    }
}

/// A small deterministic generator, so the random inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
