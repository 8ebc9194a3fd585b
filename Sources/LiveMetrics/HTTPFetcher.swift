import Foundation

/// One GET for a metric source: Prometheus queries and HTTP checks.
public struct HTTPGet: Sendable {
    public var url: URL
    public var headers: [(name: String, value: String)]
    /// The whole exchange, connecting to the last byte of the body.
    public var timeoutSeconds: Double
    /// False for checks, which need only the status: the body is read and dropped (so the
    /// connection can be reused) rather than kept.
    public var keepsBody: Bool

    public init(url: URL, headers: [(name: String, value: String)] = [], timeoutSeconds: Double, keepsBody: Bool = true)
    {
        self.url = url
        self.headers = headers
        self.timeoutSeconds = timeoutSeconds
        self.keepsBody = keepsBody
    }
}

/// The status and (when kept) body of an answer.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Something that performs a GET, failing with a `SourceError` worded for people
/// ("connection refused", "timeout after 5s", "unknown host").
///
/// A protocol so that the benchmark can measure the URLSession fetcher that was replaced beside
/// the one in use; sources take `HTTPFetchers.standard` unless told otherwise.
public protocol HTTPFetcher: Sendable {
    func get(_ request: HTTPGet) async throws -> HTTPAnswer
}

public enum HTTPFetchers {
    /// The process's pooled async-http-client.
    public static let standard: any HTTPFetcher = PooledHTTPFetcher()
}
