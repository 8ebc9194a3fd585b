import Foundation
import RunbookKit

/// The recent lines of a run's output, bounded in lines and in bytes however much the command
/// prints; the whole output is in the output file. Lines are numbered from 0 in the order they
/// came: `firstKeptLine` is the number of the oldest line still here. Thread-safe.
///
/// Lines are kept as the sanitizer's bytes, in chunks (one per batch), and become `String`s only
/// when read: a flood of output costs a bulk copy per batch, not an allocation per line.
public final class OutputRing: @unchecked Sendable {
    // @unchecked: every stored property below `lock` is read and written under it.
    public let lineLimit: Int
    public let byteLimit: Int
    private let lock = NSLock()
    /// Chunks from `chunkHead` on hold the kept lines, oldest first.
    private var chunks: [Chunk] = []
    private var chunkHead = 0
    private var kept = 0
    private var keptBytes = 0
    private var total = 0

    /// A batch's lines, of which those from `first` on are kept.
    private struct Chunk {
        var batch: SanitizedBatch
        var first: Int
        var keptCount: Int { batch.count - first }
    }

    /// A line costs its UTF-8 length plus this much, so a flood of empty lines is bounded too.
    static let lineOverhead = 48

    public init(lineLimit: Int = 10_000, byteLimit: Int = 16 << 20) {
        self.lineLimit = max(1, lineLimit)
        self.byteLimit = max(1, byteLimit)
    }

    /// Lines seen so far, kept or not.
    public var totalLines: Int { lock.withLock { total } }
    /// The number of the oldest kept line (equal to `totalLines` when none is kept).
    public var firstKeptLine: Int { lock.withLock { total - kept } }
    public var keptLines: Int { lock.withLock { kept } }

    public func append(_ line: OutputLine) {
        lock.withLock {
            if chunkHead == chunks.count { chunks.append(Chunk(batch: SanitizedBatch(), first: 0)) }
            chunks[chunks.count - 1].batch.append(line)
            let index = chunks[chunks.count - 1].batch.count - 1
            kept += 1
            keptBytes += Self.cost(of: chunks[chunks.count - 1].batch, index..<index + 1)
            total += 1
            trim()
        }
    }

    /// Appends a sanitizer batch: the lines that can stay are copied in one piece.
    public func append(_ batch: SanitizedBatch) {
        guard !batch.isEmpty else { return }
        // The kept lines are always the longest suffix within both limits (at least one line),
        // so the batch's own lines that would be dropped at once are never copied.
        var first = max(0, batch.count - lineLimit)
        var last = batch.count - 1
        while first < last {
            let mid = (first + last) / 2
            if Self.cost(of: batch, mid..<batch.count) <= byteLimit { last = mid } else { first = mid + 1 }
        }
        let chunk = Chunk(batch: batch.suffix(from: first), first: 0)
        lock.withLock {
            if first > 0 {
                // Some of the batch's lines go at once: so does everything older.
                chunks.removeAll(keepingCapacity: true)
                chunkHead = 0
                kept = 0
                keptBytes = 0
            }
            total += batch.count
            kept += chunk.keptCount
            keptBytes += Self.cost(of: chunk.batch, 0..<chunk.batch.count)
            chunks.append(chunk)
            trim()
        }
    }

    /// The ring's cost of `lines` of `batch`: their bytes plus the overhead per line.
    private static func cost(of batch: SanitizedBatch, _ lines: Range<Int>) -> Int {
        guard !lines.isEmpty else { return 0 }
        let bytes = batch.lineEnds[lines.upperBound - 1] - batch.range(of: lines.lowerBound).lowerBound
        return bytes - (lines.count - 1) + lines.count * lineOverhead
    }

    /// Drops the oldest lines until both limits hold (the newest line always stays).
    private func trim() {
        while kept > 1, kept > lineLimit || keptBytes > byteLimit {
            let line = chunks[chunkHead].first
            keptBytes -= Self.cost(of: chunks[chunkHead].batch, line..<line + 1)
            kept -= 1
            chunks[chunkHead].first += 1
            if chunks[chunkHead].keptCount == 0 {
                chunks[chunkHead] = Chunk(batch: SanitizedBatch(), first: 0)
                chunkHead += 1
            }
        }
        if chunkHead > 32, chunkHead * 2 > chunks.count {
            chunks.removeFirst(chunkHead)
            chunkHead = 0
        }
    }

    /// Calls `body` with each kept line numbered `start..<end` (within what is kept), in order.
    private func forEachLine(_ start: Int, _ end: Int, _ body: (Int, SanitizedBatch, Int) -> Void) {
        var number = total - kept
        for c in chunkHead..<chunks.count {
            let chunk = chunks[c]
            let n = chunk.keptCount
            if number + n > start {
                let from = max(start, number)
                let to = min(end, number + n)
                for line in from..<max(from, to) { body(line, chunk.batch, chunk.first + line - number) }
            }
            number += n
            if number >= end { break }
        }
    }

    /// Up to `count` kept lines from line number `from` (clamped to what is kept).
    public func lines(from: Int, count: Int) -> [OutputLine] {
        lock.withLock {
            let start = max(from, total - kept)
            let end = min(total, from + max(0, count))
            guard start < end else { return [] }
            var out: [OutputLine] = []
            out.reserveCapacity(end - start)
            forEachLine(start, end) { _, batch, index in out.append(batch.line(index)) }
            return out
        }
    }

    /// The last `count` kept lines.
    public func tail(_ count: Int) -> [OutputLine] {
        lock.withLock {
            let n = max(0, min(count, kept))
            var out: [OutputLine] = []
            out.reserveCapacity(n)
            forEachLine(total - n, total) { _, batch, index in out.append(batch.line(index)) }
            return out
        }
    }

    /// The last `count` lines as the command wrote them: pieces the line cap cut are joined again
    /// (for the record's tail, which is redacted whole so a secret across the cut is caught).
    public func tailJoined(_ count: Int) -> [String] {
        lock.withLock {
            let n = max(0, min(count, kept))
            var out: [String] = []
            var continuing = false
            forEachLine(total - n, total) { _, batch, index in
                let text = batch.text(of: index)
                if continuing, !out.isEmpty { out[out.count - 1] += text } else { out.append(text) }
                continuing = batch.isContinued(index)
            }
            return out
        }
    }

    /// Numbers of the kept lines containing `needle` (case-insensitive), oldest first.
    public func search(_ needle: String) -> [Int] {
        guard !needle.isEmpty else { return [] }
        return lock.withLock {
            var found: [Int] = []
            forEachLine(total - kept, total) { number, batch, index in
                if batch.text(of: index).range(of: needle, options: .caseInsensitive) != nil { found.append(number) }
            }
            return found
        }
    }
}
