import Foundation
import IncidentKit

/// The run's output file, written as the output comes: sanitized text without colours, redacted
/// as a stream. One pass over each block finds the lines where a redaction trigger word occurs;
/// only those go through the redactor, the rest is written as it is — except while a state spans
/// lines: a private key block (every line between BEGIN and END is replaced), or a line the line
/// cap cut (its pieces are joined again and redacted whole, so a secret across the cut is caught).
final class RedactedOutputFile {
    private let fd: Int32
    private let redactor: Redactor
    private let scanner: TriggerScanner
    private(set) var failed: String?
    /// The pieces so far of a line the cap cut.
    private var pending: [UInt8] = []
    /// Inside `-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----`.
    private var inPrivateKey = false
    /// A logical line longer than this is redacted and written in parts (memory stays bounded).
    static let pendingLimit = 1 << 20

    /// Opens `url` (already created 0600 by the journal) for appending.
    init(url: URL, redactor: Redactor) throws {
        fd = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw RunnerError.outputFile(url.path, String(cString: strerror(errno))) }
        self.redactor = redactor
        scanner = TriggerScanner(redactor)
    }

    deinit { close(fd) }

    func write(_ batch: SanitizedBatch) {
        guard !batch.isEmpty, failed == nil else { return }
        var next = 0
        if pending.isEmpty, !inPrivateKey, batch.continuedLines.isEmpty { next = writeFast(batch) }
        for index in next..<batch.count { writeLine(batch, index) }
    }

    /// The common case: lines without a trigger word are written in bulk. Returns the first line
    /// not handled (where a private key block starts), or `batch.count`.
    private func writeFast(_ batch: SanitizedBatch) -> Int {
        batch.text.withUnsafeBufferPointer { text in
            var written = 0 // bytes of `text` handled so far
            var lineIndex = 0
            while let hit = scanner.next(in: text, from: written) {
                // The line holding the hit: the first whose end is at or after it.
                lineIndex = firstLine(endingAtOrAfter: hit, in: batch.lineEnds, from: lineIndex)
                let range = batch.range(of: lineIndex)
                if range.lowerBound > written {
                    writeAll(UnsafeBufferPointer(rebasing: text[written..<range.lowerBound]))
                }
                writeLogical(Array(UnsafeBufferPointer(rebasing: text[range])))
                written = range.upperBound + 1
                lineIndex += 1
                if inPrivateKey { return lineIndex }
                if written >= text.count { break }
            }
            if written < text.count { writeAll(UnsafeBufferPointer(rebasing: text[written...])) }
            return batch.count
        }
    }

    private func writeLine(_ batch: SanitizedBatch, _ index: Int) {
        let piece = batch.text[batch.range(of: index)]
        if batch.isContinued(index) {
            pending.append(contentsOf: piece)
            if pending.count >= Self.pendingLimit { flushPending() }
            return
        }
        if pending.isEmpty {
            writeLogical(Array(piece))
        } else {
            pending.append(contentsOf: piece)
            let line = pending
            pending.removeAll(keepingCapacity: true)
            writeLogical(line)
        }
    }

    /// Writes what is left of a cut line (at the end of the output, or when it grows too long).
    func flushPending() {
        guard !pending.isEmpty else { return }
        let line = pending
        pending.removeAll(keepingCapacity: true)
        writeLogical(line)
    }

    /// One whole line of output, redacted, with its `\n`.
    private func writeLogical(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var out: String
        if inPrivateKey {
            if Self.isKeyEnd(text) {
                inPrivateKey = false
                out = text
            } else {
                out = Redactor.marker
            }
        } else if Self.isKeyBegin(text) {
            // The frame stays (it says what was there); the body goes, line by line.
            inPrivateKey = true
            out = text
        } else {
            out = redactor.redact(text)
        }
        out.append("\n")
        let utf8 = Array(out.utf8)
        utf8.withUnsafeBufferPointer { writeAll($0) }
    }

    /// A line opening a private key block that does not also close it on the same line.
    static func isKeyBegin(_ line: String) -> Bool {
        line.contains("-----BEGIN ") && line.contains("PRIVATE KEY") && !line.contains("-----END ")
    }

    static func isKeyEnd(_ line: String) -> Bool { line.contains("-----END ") && line.contains("PRIVATE KEY") }

    private func firstLine(endingAtOrAfter offset: Int, in ends: [Int], from start: Int) -> Int {
        var low = start, high = ends.count - 1
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failed == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failed = Self.describe(errno)
                return
            }
            offset += n
        }
    }

    /// "disk full" says what to do about ENOSPC; strerror's "No space left on device" is kept beside it.
    static func describe(_ code: Int32) -> String {
        code == ENOSPC ? "disk full (\(String(cString: strerror(code))))" : String(cString: strerror(code))
    }

    func sync() {
        flushPending()
        fsync(fd)
    }
}
