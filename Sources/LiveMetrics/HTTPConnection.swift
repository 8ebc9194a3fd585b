import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection of `PlainHTTPClient`: connect, send, and read one HTTP/1.1 response
/// (Content-Length, chunked, or until close), every wait bounded by the request's deadline.
struct HTTPConnection {
    enum Failure: Error {
        /// The peer closed (or reset) before the first byte of the answer: safe to retry on a new socket.
        case closedBeforeAnswer
    }

    let fd: Int32
    let deadline: UInt64
    let timeoutSeconds: Double
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed.
    private var start = 0
    private var receivedAny = false

    static let maxHeaderBytes = 64 * 1024
    static let maxBodyBytes = 64 * 1024 * 1024

    init(fd: Int32, deadline: UInt64, timeoutSeconds: Double) {
        self.fd = fd
        self.deadline = deadline
        self.timeoutSeconds = timeoutSeconds
    }

    /// Resolves `host` and connects (non-blocking, so the deadline holds), trying each address.
    static func open(host: String, port: Int, deadline: UInt64, timeoutSeconds: Double) throws -> HTTPConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw SourceError("unknown host")
        }
        defer { freeaddrinfo(list) }
        var lastError: SourceError = SourceError("connection refused")
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            next = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue)
                            | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            var connection = HTTPConnection(fd: fd, deadline: deadline, timeoutSeconds: timeoutSeconds)
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else {
                lastError = connection.describe(errno)
                connection.close()
                continue
            }
            do {
                try connection.wait(for: Int16(POLLOUT))
                var failure: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
                if failure == 0 {
                    var on: Int32 = 1
                    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                    return connection
                }
                lastError = connection.describe(failure)
                connection.close()
            } catch {
                connection.close()
                throw error
            }
        }
        throw lastError
    }

    mutating func close() {
        Glibc.close(fd)
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                bytes = bytes.dropFirst(sent)
            } else if sent < 0, errno == EAGAIN || errno == EINTR {
                try wait(for: Int16(POLLOUT))
            } else if errno == EPIPE || errno == ECONNRESET {
                throw Failure.closedBeforeAnswer
            } else {
                throw describe(errno)
            }
        }
    }

    /// Status, body, and whether the connection may carry the next request.
    mutating func readResponse() throws -> (status: Int, body: Data, keepAlive: Bool) {
        let head = try readHead()
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw SourceError("not an HTTP answer")
        }
        var length: Int?
        var chunked = false
        var close = statusParts[0] == "HTTP/1.0"
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            switch name {
            case "content-length": length = Int(value)
            case "transfer-encoding": chunked = value.hasSuffix("chunked")
            case "connection": close = value.contains("close") || (close && !value.contains("keep-alive"))
            default: break
            }
        }
        var body: [UInt8]
        if status / 100 == 1 || status == 204 || status == 304 {
            body = []  // never a body, whatever the headers say
        } else if chunked {
            body = try readChunked()
        } else if let length {
            guard length <= Self.maxBodyBytes else { throw SourceError("answer too large") }
            body = try readExactly(length)
        } else {
            body = try readToEnd()
            close = true
        }
        return (status, Data(body), !close && start == buffer.count)
    }

    private mutating func readHead() throws -> String {
        var searchFrom = start
        while true {
            if let end = find([13, 10, 13, 10], from: searchFrom) {
                let head = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 4
                return head
            }
            guard buffer.count - start < Self.maxHeaderBytes else { throw SourceError("not an HTTP answer") }
            searchFrom = max(start, buffer.count - 3)
            guard try fill() else {
                throw receivedAny ? SourceError("connection lost") : Failure.closedBeforeAnswer
            }
        }
    }

    private mutating func readChunked() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = try readLine()
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw SourceError("bad chunked answer")
            }
            if size == 0 {
                while try !readLine().isEmpty {}  // trailers, then the blank line
                return body
            }
            guard body.count + size <= Self.maxBodyBytes else { throw SourceError("answer too large") }
            body += try readExactly(size)
            guard try readLine().isEmpty else { throw SourceError("bad chunked answer") }
        }
    }

    private mutating func readLine() throws -> String {
        while true {
            if let end = find([13, 10], from: start) {
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 2
                return line
            }
            guard buffer.count - start < Self.maxHeaderBytes, try fill() else { throw SourceError("connection lost") }
        }
    }

    private mutating func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count - start < count {
            guard try fill() else { throw SourceError("connection lost") }
        }
        defer { start += count }
        return Array(buffer[start..<(start + count)])
    }

    private mutating func readToEnd() throws -> [UInt8] {
        while try fill() {
            guard buffer.count - start <= Self.maxBodyBytes else { throw SourceError("answer too large") }
        }
        defer { start = buffer.count }
        return Array(buffer[start...])
    }

    /// Reads what is there (waiting up to the deadline); false at end of stream.
    private mutating func fill() throws -> Bool {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                receivedAny = true
                buffer += chunk[0..<count]
                return true
            }
            if count == 0 { return false }
            switch errno {
            case EAGAIN, EINTR: try wait(for: Int16(POLLIN))
            case ECONNRESET where !receivedAny: throw Failure.closedBeforeAnswer
            case ECONNRESET: throw SourceError("connection lost")
            default: throw describe(errno)
            }
        }
    }

    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        var index = max(from, 0)
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0], buffer[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// Waits until the socket is ready for `events`, or throws the timeout at the deadline.
    private func wait(for events: Int16) throws {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw SourceError.timeout(timeoutSeconds) }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max))))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw describe(errno) }
        }
    }

    func describe(_ code: Int32) -> SourceError {
        switch code {
        case ECONNREFUSED: SourceError("connection refused")
        case ETIMEDOUT: SourceError.timeout(timeoutSeconds)
        case ECONNRESET, EPIPE: SourceError("connection lost")
        case EHOSTUNREACH, ENETUNREACH: SourceError("host unreachable")
        default: SourceError(String(cString: strerror(code)))
        }
    }
}
