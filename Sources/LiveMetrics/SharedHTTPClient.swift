import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The one `HTTPClient` of the process, made on first use and shut down at exit.
///
/// One client means one connection pool: the 80 Prometheus metrics of a runbook share a few
/// kept-alive connections instead of each sample paying for its own. It is made lazily so that
/// commands that never sample over HTTP start no event loop threads, and shut down from `atexit`
/// because the console, `metrics --once` and the tests all leave through `exit`.
enum SharedHTTPClient {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: HTTPClient?
    nonisolated(unsafe) private static var exitHookSet = false

    static var client: HTTPClient {
        lock.withLock {
            if let made { return made }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            made = client
            if !exitHookSet {
                exitHookSet = true
                atexit { SharedHTTPClient.shutdown() }
            }
            return client
        }
    }

    static var configuration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        // A refused connection fails its sample at once, as it did with URLSession: the sampler
        // tries again next interval, and "connection refused" is what the on-call engineer needs
        // to see, not a wait until the deadline while the pool retries.
        configuration.connectionPool.retryConnectionEstablishment = false
        // URLSession's `httpMaximumConnectionsPerHost` was 8 too.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 8
        // Deadlines are per request (each binding has its own timeout); these only bound a
        // connection attempt that outlives every request waiting for it.
        configuration.timeout.connect = .seconds(30)
        // Same as URLSession: follow up to 5 redirects, verify TLS against the system's roots
        // (the default `TLSConfiguration.makeClientConfiguration()`), no cookies, no cache.
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        return configuration
    }

    /// Closes the pool's connections; requests still running fail. A later request makes a new client.
    static func shutdown() {
        let client: HTTPClient? = lock.withLock {
            defer { made = nil }
            return made
        }
        try? client?.syncShutdown()
    }
}
