import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import LiveMetrics

/// The URLSession client the metric sources used before async-http-client, kept for one reader:
/// `warroom-bench metrics` measures its CPU per request beside `HTTPFetchers.standard`. It lives
/// in the bench so that warroom itself does not link FoundationNetworking (libcurl and ~30 more
/// libraries that every start of the binary would load). The bench talks to a healthy local
/// Prometheus, so it needs no deadline of its own beyond the request's timeout.
struct URLSessionBaselineFetcher: HTTPFetcher {
    /// One ephemeral session, as the sources had: kept-alive connections, nothing stored.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpMaximumConnectionsPerHost = 8
        return URLSession(configuration: configuration)
    }()

    func get(_ get: HTTPGet) async throws -> HTTPAnswer {
        var request = URLRequest(url: get.url, timeoutInterval: get.timeoutSeconds)
        for header in get.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        let (data, response) = try await Self.session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return HTTPAnswer(status: status, body: get.keepsBody ? data : Data())
    }
}
