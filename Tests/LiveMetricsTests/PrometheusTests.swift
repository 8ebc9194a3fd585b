import Foundation
import Testing
@testable import LiveMetrics

/// Against a real Prometheus started by scripts/test.sh (WARROOM_TEST_PROMETHEUS). Skipped without it.
@Suite(.serialized) struct PrometheusTests {
    static let url = ProcessInfo.processInfo.environment["WARROOM_TEST_PROMETHEUS"]

    static let available: Bool = {
        if url == nil {
            print(
                "➜ PrometheusTests: WARROOM_TEST_PROMETHEUS is unset; run scripts/test.sh to test against a real Prometheus"
            )
        }
        return url != nil
    }()

    @Test(.enabled(if: available)) func upIsOne() async throws {
        let reading = try await PrometheusSource(baseURL: Self.url!, query: "up").sample()
        #expect(reading.values == [1])
    }

    @Test(.enabled(if: available)) func rateQueryGivesANumberPerSeries() async throws {
        // A rate needs two scrapes (1 s apart); the script waited only for the first.
        let source = PrometheusSource(baseURL: Self.url!, query: "rate(prometheus_http_requests_total[1m])")
        var reading = SourceReading(values: [])
        for _ in 0..<20 {
            if let r = try? await source.sample() { reading = r; break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(reading.seriesCount >= 1)
        #expect(reading.values.allSatisfy { $0 >= 0 })
        let sum = try await PrometheusSource(baseURL: Self.url!, query: "sum(prometheus_http_requests_total) + 1")
            .sample()
        #expect(sum.values.count == 1 && sum.values[0] >= 1)
    }

    @Test(.enabled(if: available)) func aSyntaxErrorIsAnErrorWithPrometheusMessage() async throws {
        let error = await #expect(throws: SourceError.self) {
            try await PrometheusSource(baseURL: Self.url!, query: "sum(rate(up[1m])").sample()
        }
        #expect(error?.message.hasPrefix("query error: ") == true)
        #expect(error?.message.contains("parse error") == true)
    }

    @Test func aSilentEndpointIsATimeout() async throws {
        let listener = try SilentListener()
        let started = ContinuousClock.now
        let error = await #expect(throws: SourceError.self) {
            try await PrometheusSource(baseURL: "http://127.0.0.1:\(listener.port)", query: "up", timeoutSeconds: 0.5)
                .sample()
        }
        #expect(error?.message == "timeout after 500ms")
        #expect(started.duration(to: .now) < .seconds(3))
    }

    @Test func aClosedPortIsConnectionRefused() async throws {
        let port = try SilentListener.closedPort()
        let error = await #expect(throws: SourceError.self) {
            try await PrometheusSource(baseURL: "http://127.0.0.1:\(port)", query: "up", timeoutSeconds: 2).sample()
        }
        #expect(error?.message == "connection refused")
    }

    @Test func credentialsComeFromTheEnvironment() {
        #expect(PrometheusAuth.from(environment: ["PROMETHEUS_TOKEN": "t"]).header == "Bearer t")
        #expect(
            PrometheusAuth.from(environment: ["PROMETHEUS_USER": "a", "PROMETHEUS_PASSWORD": "b"]).header
                == "Basic YTpi")
        #expect(PrometheusAuth.from(environment: [:]) == .none)
    }

    @Test func decodesVectorScalarAndErrors() throws {
        let vector =
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"2.5"]},{"metric":{},"value":[1,"7"]}]}}"#
        #expect(try PrometheusResponse.reading(Data(vector.utf8), status: 200).values == [2.5, 7])
        let scalar = #"{"status":"success","data":{"resultType":"scalar","result":[1,"3"]}}"#
        #expect(try PrometheusResponse.reading(Data(scalar.utf8), status: 200).values == [3])
        let labelled =
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a"},"value":[1.5,"NaN"]},{"metric":{"job":"b"},"value":[1.5,"4"]},{"metric":{"job":"c"}}]}}"#
        #expect(
            try PrometheusResponse.reading(Data(labelled.utf8), status: 200).series == [
                SeriesValue(labels: ["job": "b"], value: 4)
            ])
        let failed = #"{"status":"error","errorType":"bad_data","error":"parse error: unclosed"}"#
        #expect(throws: SourceError("query error: parse error: unclosed")) {
            try PrometheusResponse.reading(Data(failed.utf8), status: 400)
        }
        #expect(throws: SourceError("HTTP 502: not a Prometheus answer")) {
            try PrometheusResponse.reading(Data("<html>bad gateway</html>".utf8), status: 502)
        }
        let matrix = #"{"status":"success","data":{"resultType":"matrix","result":[]}}"#
        #expect(throws: SourceError("query error: a matrix result; use an instant vector or scalar")) {
            try PrometheusResponse.reading(Data(matrix.utf8), status: 200)
        }
        let empty = #"{"status":"success","data":{"resultType":"vector","result":[]}}"#
        #expect(throws: SourceError("no data: the query matched no series")) {
            try PrometheusResponse.reading(Data(empty.utf8), status: 200)
        }
    }
}

/// HTTP checks: up is 1, an error status or no answer is 0 with the reason in the detail.
@Suite struct HTTPCheckTests {
    @Test(.enabled(if: PrometheusTests.available)) func aHealthyEndpointIsUpAndAMissingPageIsDown() async throws {
        let up = try await HTTPCheckSource(url: PrometheusTests.url! + "/-/healthy").sample()
        #expect(up.values == [1])
        #expect(up.detail?.hasPrefix("HTTP 200 in ") == true)
        let missing = try await HTTPCheckSource(url: PrometheusTests.url! + "/no-such-page").sample()
        #expect(missing.values == [0])
        #expect(missing.detail?.hasPrefix("HTTP 404") == true)
    }

    @Test func noAnswerIsDown() async throws {
        let refused = try await HTTPCheckSource(url: "http://127.0.0.1:\(try SilentListener.closedPort())/").sample()
        #expect(refused.values == [0])
        #expect(refused.detail == "connection refused")
        let listener = try SilentListener()
        let silent = try await HTTPCheckSource(url: "http://127.0.0.1:\(listener.port)/", timeoutSeconds: 0.3).sample()
        #expect(silent.values == [0])
        #expect(silent.detail == "timeout after 300ms")
    }
}
