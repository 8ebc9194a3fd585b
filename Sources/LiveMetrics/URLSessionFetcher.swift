import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The URLSession fetcher the sources used before async-http-client, kept unchanged for one reader:
/// `warroom-bench metrics` measures it beside `HTTPFetchers.standard` in the same run (it costs
/// ~10× more CPU per request). `@_spi(Bench)` keeps it out of the public API.
@_spi(Bench) public struct URLSessionFetcher: HTTPFetcher {
    public init() {}

    public func get(_ get: HTTPGet) async throws -> HTTPAnswer {
        var request = URLRequest(url: get.url, timeoutInterval: get.timeoutSeconds)
        for header in get.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        let (data, response) = try await Self.fetch(request, timeoutSeconds: get.timeoutSeconds)
        return HTTPAnswer(status: response.statusCode, body: get.keepsBody ? data : Data())
    }

    /// One session for every source, so connections to a Prometheus are kept alive and reused.
    /// Nothing is stored between requests: no cookies, cache or credentials.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.httpMaximumConnectionsPerHost = 8
        return URLSession(configuration: configuration)
    }()

    /// Uses the completion-handler API with its own deadline rather than async `data(for:)`: cancelling
    /// an async URLSession task from Swift task cancellation can deadlock in FoundationNetworking
    /// (cancel() syncs onto the session queue while the completion holds the task's status lock).
    /// The request's `timeoutInterval` ends an idle exchange; the shared `DeadlineTimer` ends one
    /// that trickles on past `timeoutSeconds`.
    static func fetch(_ request: URLRequest, timeoutSeconds: Double) async throws -> (Data, HTTPURLResponse) {
        let once = ResumeOnce<(Data, HTTPURLResponse)>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            let task = session.dataTask(with: request) { data, response, error in
                if let error {
                    once.resume(with: .failure(describe(error, timeoutSeconds: timeoutSeconds)))
                } else if let http = response as? HTTPURLResponse {
                    once.resume(with: .success((data ?? Data(), http)))
                } else {
                    once.resume(with: .failure(SourceError("not an HTTP answer")))
                }
            }
            // Fired on the timer's queue, outside any Swift task-cancellation handler, so it cannot deadlock as above.
            let deadline = DeadlineTimer.shared.schedule(after: timeoutSeconds) { [weak task] in
                once.resume(with: .failure(SourceError.timeout(timeoutSeconds)))
                task?.cancel()
            }
            once.onResume { DeadlineTimer.shared.cancel(deadline) }
            task.resume()
        }
    }

    static func describe(_ error: any Error, timeoutSeconds: Double) -> SourceError {
        if let error = error as? URLError { return describe(error, timeoutSeconds: timeoutSeconds) }
        let ns = error as NSError
        if ns.domain == NSURLErrorDomain, let code = URLError.Code(rawValue: ns.code) {
            return describe(URLError(code), timeoutSeconds: timeoutSeconds)
        }
        return SourceError(error.localizedDescription)
    }

    static func describe(_ error: URLError, timeoutSeconds: Double) -> SourceError {
        switch error.code {
        case .cannotConnectToHost: SourceError("connection refused")
        case .timedOut: SourceError.timeout(timeoutSeconds)
        case .cannotFindHost, .dnsLookupFailed: SourceError("unknown host")
        case .networkConnectionLost: SourceError("connection lost")
        default: SourceError(error.localizedDescription)
        }
    }
}
