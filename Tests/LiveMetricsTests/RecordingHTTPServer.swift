import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 that answers every request with `body` (status 200,
/// kept alive) and records each request's head and the connection it came on: lets tests see the
/// headers the client sent and whether connections are reused.
final class RecordingHTTPServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let body: String
    private let lock = NSLock()
    private var heads: [String] = []
    private var connections = 0

    init(body: String) throws {
        self.body = body
        let listener = try SilentListener()
        // Keep the socket beyond the SilentListener, which closes its own in deinit.
        fd = dup(listener.fd)
        port = listener.port
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }

    /// Request heads received so far, in order.
    var requests: [String] { lock.withLock { heads } }
    /// Connections accepted so far.
    var connectionCount: Int { lock.withLock { connections } }

    private func acceptLoop() {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            lock.withLock { connections += 1 }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var pending = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { return }
            pending += chunk[0..<count]
            while let end = Self.headEnd(pending) {
                let head = String(decoding: pending[0..<end], as: UTF8.self)
                pending.removeFirst(end + 4)
                lock.withLock { heads.append(head) }
                let answer =
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                _ = answer.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
            }
        }
    }

    /// Where `\r\n\r\n` starts (GET requests have no body).
    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
