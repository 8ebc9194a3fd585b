import Foundation

/// The temporary file a `{file}` runner reads its code from: created new (never an existing file
/// someone placed at that path), readable by the owner only, and removed when the run ends.
enum CodeFile {
    static func write(_ text: String, to path: String) throws(RunnerError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .codeFile(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes = Array(text.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .codeFile(path, String(cString: strerror(errno)))
            }
            written += n
        }
    }

    static func remove(_ path: String?) {
        if let path { unlink(path) }
    }
}
