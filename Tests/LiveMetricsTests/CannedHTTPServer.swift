import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real TCP server on 127.0.0.1 that answers every request with the same raw bytes, so tests can
/// give the HTTP client framings and connection behaviours a real Prometheus does not choose to.
final class CannedHTTPServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let answer: [UInt8]
    /// Close each connection after one answer (even when the answer did not say so).
    private let closeAfterAnswer: Bool
    private let lock = NSLock()
    private var accepted = 0
    private var served = 0

    init(answer: String, closeAfterAnswer: Bool = false) throws {
        let listener = try SilentListener()
        // Take over the listening socket: the silent listener's deinit must not close it.
        fd = dup(listener.fd)
        port = listener.port
        self.answer = Array(answer.utf8)
        self.closeAfterAnswer = closeAfterAnswer
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }

    /// Connections accepted and requests answered so far.
    var counts: (connections: Int, requests: Int) { lock.withLock { (accepted, served) } }

    private func acceptLoop() {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            lock.withLock { accepted += 1 }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            while !containsBlankLine(pending) {
                let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return }
                pending += chunk[0..<count]
            }
            pending = []
            lock.withLock { served += 1 }
            _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if closeAfterAnswer { return }
        }
    }

    private func containsBlankLine(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && (0...(bytes.count - 4)).contains { bytes[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }
    }
}
