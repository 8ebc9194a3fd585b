import Foundation
import IncidentKit

/// The run's output file, written as the output comes: sanitized text without colours, each line
/// redacted. One pass over each block finds the lines where a redaction trigger word occurs; only
/// those go through the redactor, the rest is written as it is.
final class RedactedOutputFile {
    private let fd: Int32
    private let redactor: Redactor
    private let scanner: TriggerScanner
    private(set) var failed: String?

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
        batch.text.withUnsafeBufferPointer { text in
            var written = 0  // bytes of `text` handled so far
            var lineIndex = 0
            while let hit = scanner.next(in: text, from: written) {
                // The line holding the hit: the first whose end is at or after it.
                lineIndex = firstLine(endingAtOrAfter: hit, in: batch.lineEnds, from: lineIndex)
                let range = batch.range(of: lineIndex)
                if range.lowerBound > written { writeAll(UnsafeBufferPointer(rebasing: text[written..<range.lowerBound])) }
                var redacted = Array(redactor.redact(batch.text(of: lineIndex)).utf8)
                redacted.append(0x0A)
                redacted.withUnsafeBufferPointer { writeAll($0) }
                written = range.upperBound + 1
                lineIndex += 1
                if written >= text.count { break }
            }
            if written < text.count { writeAll(UnsafeBufferPointer(rebasing: text[written...])) }
        }
    }

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
                failed = String(cString: strerror(errno))
                return
            }
            offset += n
        }
    }

    func sync() { fsync(fd) }
}
