import Foundation
import RunbookKit

/// Reads a ~1 MB runbook (the shared runbooks repeated; the fixtures when ../shared is absent)
/// three ways in one run: the bare cmark-gfm parse, the parse copied into Swift blocks, and the
/// full read + extraction. Prints MB/s for each and the extraction/parse ratio (aim: ≤ 4×).
enum RunbookBench {
    static let targetBytes = 1_000_000
    static let rounds = 9 // the best of each: on a shared 2-core machine one round can take twice as long

    static func run() {
        let (bytes, origin) = input()
        let text = String(decoding: bytes, as: UTF8.self)
        let megabytes = Double(bytes.count) / 1_000_000
        var parse = Double.infinity, copy = Double.infinity, full = Double.infinity
        var runbook: Runbook? = nil
        for _ in 0..<rounds {
            parse = min(parse, seconds { MarkdownParser.parseOnly(text) })
            copy = min(copy, seconds { _ = MarkdownParser.parse(text) })
            // The last round's runbook is let go of outside the clock: freeing is not reading.
            var read: Runbook? = nil
            full = min(full, seconds { read = RunbookReader.parse(bytes: bytes, source: "bench") })
            runbook = read
            // A large read lets go of its trees on another thread (`SideBySide.releaseElsewhere`):
            // the next round's parse, timed while that runs, took half as long again as alone.
            settle()
        }
        print(String(format: "runbook: %.2f MB (%@), best of %d rounds", megabytes, origin, rounds))
        print(String(format: "  cmark-gfm parse        %7.1f ms  %7.1f MB/s", parse * 1000, megabytes / parse))
        print(
            String(
                format: "  parse + Swift blocks   %7.1f ms  %7.1f MB/s  (%.1fx parse)", copy * 1000, megabytes / copy,
                copy / parse))
        print(
            String(
                format: "  full read + extraction %7.1f ms  %7.1f MB/s  (%.1fx parse; aim <= 4x)", full * 1000,
                megabytes / full, full / parse))
        if let runbook {
            print(
                "  extracted: \(runbook.commands.count) commands, \(runbook.checklists.count) checklists, "
                    + "\(runbook.procedures.count) procedures, \(runbook.metrics.count) metrics")
        }
    }

    /// Waits until the last read's trees are freed, so each baseline round runs on a quiet machine.
    static func settle() {
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.05) { released.signal() }
        released.wait()
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The shared runbooks (next to the package) repeated to about 1 MB.
    static func input() -> ([UInt8], String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/runbooks")
        let fixtures = root.appendingPathComponent("Tests/RunbookKitTests/Fixtures")
        for (folder, name) in [(shared, "shared runbooks"), (fixtures, "test fixtures")] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            let pieces = names.filter { $0.hasSuffix(".md") }.sorted()
                .compactMap { try? Data(contentsOf: folder.appendingPathComponent($0)) }.map { [UInt8]($0) }
            guard !pieces.isEmpty else { continue }
            var bytes: [UInt8] = []
            while bytes.count < targetBytes { for piece in pieces { bytes += piece + Array("\n\n".utf8) } }
            return (bytes, name + " repeated")
        }
        return (Array(String(repeating: "# Empty\n\n- [ ] step\n", count: targetBytes / 20).utf8), "synthetic")
    }
}
