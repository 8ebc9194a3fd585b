import Foundation
import IncidentKit

/// The run's output file, written as the output comes: sanitized text without colours, each line
/// redacted. A block in which no redaction pattern can match is written as it is; otherwise each
/// line goes through the redactor.
final class RedactedOutputFile {
    private let fd: Int32
    private let redactor: Redactor
    private(set) var failed: String?

    /// Opens `url` (already created 0600 by the journal) for appending.
    init(url: URL, redactor: Redactor) throws {
        fd = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw RunnerError.outputFile(url.path, String(cString: strerror(errno))) }
        self.redactor = redactor
    }

    deinit { close(fd) }

    func write(_ batch: SanitizedBatch) {
        guard !batch.isEmpty, failed == nil else { return }
        let clean = batch.text.withUnsafeBufferPointer { !redactor.mightContainSecret(utf8: $0) }
        if clean {
            batch.text.withUnsafeBufferPointer { writeAll($0) }
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(batch.text.count)
        for index in 0..<batch.count {
            out.append(contentsOf: redactor.redact(batch.text(of: index)).utf8)
            out.append(0x0A)
        }
        out.withUnsafeBufferPointer { writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
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
