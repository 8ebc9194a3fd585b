import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 GET for plain `http://` URLs over kept-alive sockets (https stays with URLSession).
///
/// Measured on loopback Prometheus: FoundationNetworking's URLSession cost 650–850 µs of CPU per
/// request (libcurl, several queue and thread hops), this about a tenth of that. Each request runs
/// blocking I/O on a dispatch thread (never on the cooperative pool), every wait is a `poll` bounded
/// by the request's deadline, and an idle socket the server closed is replaced once, transparently.
final class PlainHTTPClient: @unchecked Sendable {
    static let shared = PlainHTTPClient()

    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    private let lock = NSLock()
    /// Idle kept-alive sockets by "host:port".
    private var idle: [String: [Int32]] = [:]
    static let maxIdlePerHost = 8

    deinit {
        for fd in idle.values.joined() { Glibc.close(fd) }
    }

    /// GET `target` (path and query) from `host:port`; fails with a `SourceError` in people's words.
    func get(host: String, port: Int, target: String, headers: [(String, String)],
             timeoutSeconds: Double) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            // A serial queue of its own: libdispatch runs those on overcommit threads, so a request
            // blocked in poll or getaddrinfo never takes one of the few threads Swift tasks run on
            // (a shared concurrent queue did, and stalled every task for seconds).
            DispatchQueue(label: "warroom.http").async {
                continuation.resume(with: Result {
                    try self.getBlocking(host: host, port: port, target: target, headers: headers,
                                         timeoutSeconds: timeoutSeconds)
                })
            }
        }
    }

    func getBlocking(host: String, port: Int, target: String, headers: [(String, String)],
                     timeoutSeconds: Double) throws -> Response {
        let deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, timeoutSeconds) * 1e9)
        // An IPv6 literal goes in brackets, as in the URL.
        let key = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var request = "GET \(target) HTTP/1.1\r\nHost: \(key)\r\nUser-Agent: warroom\r\nAccept: application/json\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        // A kept-alive socket may have been closed by the server meanwhile: then one fresh try.
        if let reused = takeIdle(key) {
            var connection = HTTPConnection(fd: reused, deadline: deadline, timeoutSeconds: timeoutSeconds)
            do {
                return try exchange(&connection, request: request, key: key)
            } catch HTTPConnection.Failure.closedBeforeAnswer {
                connection.close()
            } catch {
                connection.close()
                throw error
            }
        }
        var connection = try HTTPConnection.open(host: host, port: port, deadline: deadline,
                                                 timeoutSeconds: timeoutSeconds)
        do {
            return try exchange(&connection, request: request, key: key)
        } catch HTTPConnection.Failure.closedBeforeAnswer {
            connection.close()
            throw SourceError("connection lost")
        } catch {
            connection.close()
            throw error
        }
    }

    private func exchange(_ connection: inout HTTPConnection, request: String, key: String) throws -> Response {
        try connection.send(request)
        let answer = try connection.readResponse()
        if answer.keepAlive { putIdle(key, connection.fd) } else { connection.close() }
        return Response(status: answer.status, body: answer.body)
    }

    private func takeIdle(_ key: String) -> Int32? {
        lock.withLock { idle[key]?.popLast() }
    }

    private func putIdle(_ key: String, _ fd: Int32) {
        let kept = lock.withLock {
            guard idle[key, default: []].count < Self.maxIdlePerHost else { return false }
            idle[key, default: []].append(fd)
            return true
        }
        if !kept { Glibc.close(fd) }
    }
}
