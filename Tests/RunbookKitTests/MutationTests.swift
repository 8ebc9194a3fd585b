import Foundation
import Testing
@testable import RunbookKit

/// Thousands of damaged copies of the fixtures (and the shared runbooks when present): random
/// cuts, duplicated ranges and flipped bytes, from a fixed seed. None may crash the reader.
@Suite struct MutationTests {
    static let casesPerFile = 300

    static func sources() throws -> [[UInt8]] {
        var paths = try FileManager.default.contentsOfDirectory(atPath: Paths.fixtures.path).filter {
            $0.hasSuffix(".md")
        }
        .map(Paths.fixture)
        if SharedRunbooks.available { paths += try SharedRunbooks.all() }
        return try paths.sorted().map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let a = Int.random(in: 0..<bytes.count, using: &rng)
            let b = min(bytes.count, a + Int.random(in: 0...200, using: &rng))
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes.removeSubrange(a..<b) // cut
            case 1: bytes.insert(contentsOf: bytes[a..<b], at: Int.random(in: 0...bytes.count, using: &rng)) // duplicate
            case 2: bytes[a] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng)) // flip a bit
            default: bytes[a] = UInt8.random(in: 0...255, using: &rng) // replace a byte
            }
        }
        return bytes
    }

    /// Async and yielding between cases: a long CPU-bound loop must not hold one of the few
    /// cooperative threads that timing-sensitive tests (journal watching) run on.
    @Test func damagedRunbooksNeverCrash() async throws {
        var rng = SplitMix64(seed: 20261123)
        var cases = 0
        for source in try Self.sources() {
            for _ in 0..<Self.casesPerFile {
                let bytes = Self.mutate(source, &rng)
                let runbook = RunbookReader.parse(bytes: bytes, source: "mutant")
                // Every line the reader points at exists in the damaged file (CR and LF both
                // end lines, so their count bounds the line numbers from above).
                let lastLine = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
                let lines =
                    runbook.warnings.map(\.line) + runbook.commands.map(\.line) + runbook.sections.map(\.line)
                    + runbook.checklists.flatMap { $0.items.map(\.line) }
                #expect(lines.allSatisfy { (1...lastLine).contains($0) }, "a line outside 1...\(lastLine)")
                cases += 1
                await Task.yield()
            }
        }
        #expect(cases >= 3000)
        print("mutation: \(cases) damaged runbooks read without a crash")
    }
}
