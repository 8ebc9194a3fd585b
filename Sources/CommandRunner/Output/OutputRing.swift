import Foundation
import RunbookKit

/// The recent lines of a run's output, bounded in lines and in bytes however much the command
/// prints; the whole output is in the output file. Lines are numbered from 0 in the order they
/// came: `firstKeptLine` is the number of the oldest line still here. Thread-safe.
public final class OutputRing: @unchecked Sendable {
    // @unchecked: every stored property below `lock` is read and written under it.
    public let lineLimit: Int
    public let byteLimit: Int
    private let lock = NSLock()
    private var slots: [OutputLine] = []
    private var head = 0  // index in `slots` of the oldest kept line
    private var kept = 0
    private var keptBytes = 0
    private var total = 0

    /// A line costs its UTF-8 length plus this much, so a flood of empty lines is bounded too.
    static let lineOverhead = 48

    public init(lineLimit: Int = 10_000, byteLimit: Int = 16 << 20) {
        self.lineLimit = max(1, lineLimit)
        self.byteLimit = max(1, byteLimit)
        slots = Array(repeating: OutputLine(text: ""), count: self.lineLimit)
    }

    /// Lines seen so far, kept or not.
    public var totalLines: Int { lock.withLock { total } }
    /// The number of the oldest kept line (equal to `totalLines` when none is kept).
    public var firstKeptLine: Int { lock.withLock { total - kept } }
    public var keptLines: Int { lock.withLock { kept } }

    public func append(_ line: OutputLine) {
        lock.withLock { store(line) }
    }

    /// Appends a sanitizer batch; only the lines that can stay become `String`s.
    public func append(_ batch: SanitizedBatch) {
        guard !batch.isEmpty else { return }
        let skipped = max(0, batch.count - lineLimit)
        let lines = (skipped..<batch.count).map(batch.line)
        lock.withLock {
            total += skipped
            for line in lines { store(line) }
        }
    }

    private func store(_ line: OutputLine) {
        let cost = line.text.utf8.count + Self.lineOverhead
        while kept > 0, kept >= lineLimit || keptBytes + cost > byteLimit { dropOldest() }
        slots[(head + kept) % lineLimit] = line
        kept += 1
        keptBytes += cost
        total += 1
    }

    private func dropOldest() {
        keptBytes -= slots[head].text.utf8.count + Self.lineOverhead
        slots[head] = OutputLine(text: "")
        head = (head + 1) % lineLimit
        kept -= 1
    }

    /// Up to `count` kept lines from line number `from` (clamped to what is kept).
    public func lines(from: Int, count: Int) -> [OutputLine] {
        lock.withLock {
            let first = total - kept
            let start = max(from, first)
            let end = min(total, from + max(0, count))
            guard start < end else { return [] }
            return (start..<end).map { slots[(head + $0 - first) % lineLimit] }
        }
    }

    /// The last `count` kept lines.
    public func tail(_ count: Int) -> [OutputLine] {
        lock.withLock {
            let n = min(count, kept)
            let first = total - kept
            return (total - n..<total).map { slots[(head + $0 - first) % lineLimit] }
        }
    }

    /// Numbers of the kept lines containing `needle` (case-insensitive), oldest first.
    public func search(_ needle: String) -> [Int] {
        guard !needle.isEmpty else { return [] }
        return lock.withLock {
            let first = total - kept
            return (first..<total).filter {
                slots[(head + $0 - first) % lineLimit].text.range(of: needle, options: .caseInsensitive) != nil
            }
        }
    }
}
