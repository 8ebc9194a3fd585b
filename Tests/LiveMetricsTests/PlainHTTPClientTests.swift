import Foundation
import Testing
@testable import LiveMetrics

/// The HTTP/1.1 client behind Prometheus sources on plain http, against real sockets.
@Suite struct PlainHTTPClientTests {
    static let vector = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"42"]}]}}"#

    static func lengthAnswer(_ body: String, extraHeaders: String = "") -> String {
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(body)"
    }

    func get(_ client: PlainHTTPClient, _ server: CannedHTTPServer, timeout: Double = 2) async throws -> PlainHTTPClient.Response {
        try await client.get(host: "127.0.0.1", port: server.port, target: "/api/v1/query?query=up", headers: [],
                             timeoutSeconds: timeout)
    }

    @Test func aKeptAliveConnectionCarriesTheNextRequest() async throws {
        let server = try CannedHTTPServer(answer: Self.lengthAnswer(Self.vector))
        let client = PlainHTTPClient()
        for _ in 0..<3 {
            let response = try await get(client, server)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == Self.vector)
        }
        #expect(server.counts == (connections: 1, requests: 3))
    }

    @Test func chunkedAnswersWithExtensionsAndTrailersAreJoined() async throws {
        let body = Array(Self.vector.utf8)
        let first = String(decoding: body[..<10], as: UTF8.self), rest = String(decoding: body[10...], as: UTF8.self)
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + String(first.utf8.count, radix: 16) + ";name=value\r\n\(first)\r\n"
            + String(rest.utf8.count, radix: 16, uppercase: true) + "\r\n\(rest)\r\n0\r\nX-Trailer: 1\r\n\r\n"
        let server = try CannedHTTPServer(answer: chunked)
        let client = PlainHTTPClient()
        let response = try await get(client, server)
        #expect(String(decoding: response.body, as: UTF8.self) == Self.vector)
        _ = try await get(client, server)
        #expect(server.counts == (connections: 1, requests: 2), "a chunked answer leaves the connection reusable")
    }

    /// The server drops a kept-alive connection without saying so: the next request reconnects once, silently.
    @Test func aConnectionTheServerClosedIsReplaced() async throws {
        let server = try CannedHTTPServer(answer: Self.lengthAnswer(Self.vector), closeAfterAnswer: true)
        let client = PlainHTTPClient()
        for _ in 0..<3 { #expect(try await get(client, server).status == 200) }
        #expect(server.counts == (connections: 3, requests: 3))
    }

    @Test func connectionCloseIsHonoured() async throws {
        let server = try CannedHTTPServer(answer: Self.lengthAnswer(Self.vector, extraHeaders: "Connection: close\r\n"),
                                          closeAfterAnswer: true)
        let client = PlainHTTPClient()
        for _ in 0..<2 { #expect(try await get(client, server).status == 200) }
        #expect(server.counts == (connections: 2, requests: 2))
    }

    /// Headers arrive, the body never does: the deadline still holds.
    @Test func aBodyThatNeverComesIsATimeout() async throws {
        let server = try CannedHTTPServer(answer: "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"status\"")
        let started = ContinuousClock.now
        let error = await #expect(throws: SourceError.self) { try await get(PlainHTTPClient(), server, timeout: 0.4) }
        #expect(error?.message == "timeout after 400ms")
        #expect(started.duration(to: .now) < .seconds(2))
    }

    @Test func garbageIsNotAnHTTPAnswer() async throws {
        let server = try CannedHTTPServer(answer: "SSH-2.0-OpenSSH_9.6\r\n\r\n", closeAfterAnswer: true)
        let error = await #expect(throws: SourceError.self) { try await get(PlainHTTPClient(), server) }
        #expect(error?.message == "not an HTTP answer")
    }

    @Test func refusedAndUnknownHostsAreNamed() async throws {
        let port = try SilentListener.closedPort()
        let refused = await #expect(throws: SourceError.self) {
            try await PlainHTTPClient().get(host: "127.0.0.1", port: port, target: "/", headers: [], timeoutSeconds: 2)
        }
        #expect(refused?.message == "connection refused")
        let unknown = await #expect(throws: SourceError.self) {
            try await PlainHTTPClient().get(host: "no-such-host.invalid", port: 80, target: "/", headers: [], timeoutSeconds: 2)
        }
        #expect(unknown?.message == "unknown host")
    }

    /// Against the real Prometheus: a large vector comes chunked, and the query string arrives intact.
    @Test(.enabled(if: PrometheusTests.available)) func aLargeChunkedPrometheusAnswerDecodes() async throws {
        let reading = try await PrometheusSource(baseURL: PrometheusTests.url!,
                                                 query: "prometheus_http_request_duration_seconds_bucket").sample()
        #expect(reading.seriesCount > 10)
        let plus = try await PrometheusSource(baseURL: PrometheusTests.url! + "/", query: "1+1").sample()
        #expect(plus.values == [2])
    }
}
