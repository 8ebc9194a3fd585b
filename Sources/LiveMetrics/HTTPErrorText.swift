import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
#if canImport(Glibc)
    import Glibc
#endif

/// async-http-client's and SwiftNIO's errors in the words the URLSession fetcher used
/// ("connection refused", "timeout after 5s", "unknown host", "connection lost"), so the metrics
/// pane and `--json` read the same whichever client made the request.
enum HTTPErrorText {
    static func describe(_ error: any Error, timeoutSeconds: Double) -> SourceError {
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return .timeout(timeoutSeconds)
            case .remoteConnectionClosed:
                return SourceError("connection lost")
            case .emptyScheme, .invalidURL, .emptyHost:
                return SourceError("unsupported URL")
            case .redirectLimitReached, .redirectCycleDetected:
                return SourceError("too many redirects")
            default:
                // "Unsupported scheme" and the rest, in the library's words (`description` is a Swift name).
                return SourceError(error.shortDescription.lowercasedFirst)
            }
        case is NIOTooManyBytesError:
            return SourceError("answer larger than \(PooledHTTPFetcher.maxBodyBytes >> 20) MB")
        case let error as NIOConnectionError:
            // Every address refused (or was unreachable): say what the first attempt met.
            if let first = error.connectionErrors.first { return describe(first.error, timeoutSeconds: timeoutSeconds) }
            return SourceError("unknown host")
        case is SocketAddressError, is SocketAddressError.UnknownHost:
            return SourceError("unknown host")
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return SourceError("connection refused")
            case ECONNRESET, EPIPE: return SourceError("connection lost")
            case ETIMEDOUT: return .timeout(timeoutSeconds)
            case EHOSTUNREACH, ENETUNREACH: return SourceError("host unreachable")
            default: return SourceError(String(cString: strerror(error.errnoCode)).lowercasedFirst)
            }
        case let error as ChannelError:
            if case .connectTimeout = error { return .timeout(timeoutSeconds) }
            if case .ioOnClosedChannel = error { return SourceError("connection lost") }
            return SourceError("\(error)")
        case let error as NIOSSLError:
            return SourceError("TLS error: \(error)")
        case let error as BoringSSLError:
            return SourceError("TLS error: \(error)")
        case let error as NIOSSLExtraError:
            return SourceError("TLS error: \(error)")
        default:
            return SourceError("\(error)")
        }
    }
}

extension String {
    /// "Connection refused" → "connection refused": the pane's messages start lower-case.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
