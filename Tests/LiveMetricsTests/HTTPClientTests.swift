import Foundation
import Testing
import AsyncHTTPClient
import NIOCore
@testable import LiveMetrics
#if canImport(Glibc)
    import Glibc
#endif

/// The pooled async-http-client fetcher against a real local HTTP server: credentials as headers,
/// kept-alive connections, and errors in the words URLSession's fetcher used.
@Suite struct HTTPClientTests {
    static let scalar = #"{"status":"success","data":{"resultType":"scalar","result":[1,"3"]}}"#

    @Test func bearerAndBasicCredentialsAreSentAsTheAuthorizationHeader() async throws {
        let server = try RecordingHTTPServer(body: Self.scalar)
        let base = "http://127.0.0.1:\(server.port)"
        _ = try await PrometheusSource(baseURL: base, query: "up", auth: .bearer("t0ken")).sample()
        _ = try await PrometheusSource(baseURL: base, query: "up", auth: .basic(user: "a", password: "b")).sample()
        _ = try await PrometheusSource(baseURL: base, query: "a+b").sample()
        let heads = server.requests.map { $0.lowercased() }
        #expect(heads.count == 3)
        #expect(heads.first?.contains("authorization: bearer t0ken") == true)
        #expect(heads.dropFirst().first?.contains("authorization: basic ytpi") == true)
        #expect(heads.last?.contains("authorization") == false)
        #expect(heads.last?.hasPrefix("get /api/v1/query?query=a%2bb http/1.1") == true, "`+` stays a plus")
    }

    @Test func samplesOneAfterAnotherReuseOneConnection() async throws {
        let server = try RecordingHTTPServer(body: Self.scalar)
        let source = PrometheusSource(baseURL: "http://127.0.0.1:\(server.port)", query: "up")
        for _ in 0..<5 { #expect(try await source.sample().values == [3]) }
        let check = try await HTTPCheckSource(url: "http://127.0.0.1:\(server.port)/-/healthy").sample()
        #expect(check.values == [1])
        #expect(server.requests.count == 6)
        #expect(server.connectionCount == 1, "kept alive in the shared pool")
    }

    @Test func theProcessSharesOneClient() {
        #expect(SharedHTTPClient.client === SharedHTTPClient.client)
    }

    @Test func errorsReadAsBefore() {
        #expect(
            HTTPErrorText.describe(HTTPClientError.deadlineExceeded, timeoutSeconds: 2).message == "timeout after 2s")
        #expect(
            HTTPErrorText.describe(HTTPClientError.connectTimeout, timeoutSeconds: 0.5).message == "timeout after 500ms"
        )
        #expect(
            HTTPErrorText.describe(IOError(errnoCode: ECONNREFUSED, reason: "connect"), timeoutSeconds: 1).message
                == "connection refused")
        #expect(
            HTTPErrorText.describe(IOError(errnoCode: ECONNRESET, reason: "read"), timeoutSeconds: 1).message
                == "connection lost")
        #expect(
            HTTPErrorText.describe(HTTPClientError.remoteConnectionClosed, timeoutSeconds: 1).message
                == "connection lost")
        #expect(
            HTTPErrorText.describe(NIOTooManyBytesError(maxBytes: 1), timeoutSeconds: 1).message
                == "answer larger than 64 MB")
    }

    @Test func anUnsupportedSchemeIsDownWithTheReason() async throws {
        let reading = try await HTTPCheckSource(url: "ftp://127.0.0.1/", timeoutSeconds: 1).sample()
        #expect(reading.values == [0])
        #expect(reading.detail?.contains("scheme") == true, "\(reading.detail ?? "")")
    }
}
