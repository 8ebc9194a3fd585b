import AsyncHTTPClient
import Foundation
import NIOCore

/// GETs through the shared async-http-client pool (`SharedHTTPClient`).
///
/// The client's own deadline covers connecting and the answer's head, but ends when the head
/// arrives; `withTimeout` keeps the body under the same deadline, so an answer that trickles on
/// fails with "timeout after Ns" as before. Cancelling its task cancels the request (async-http-client
/// cancels through an actor, without the FoundationNetworking deadlock that URLSession had).
struct PooledHTTPFetcher: HTTPFetcher {
    /// A Prometheus answer is a few KB; a runaway one must not fill memory.
    static let maxBodyBytes = 64 << 20

    func get(_ get: HTTPGet) async throws -> HTTPAnswer {
        let seconds = get.timeoutSeconds
        do {
            return try await withTimeout(seconds) {
                var request = HTTPClientRequest(url: get.url.absoluteString)
                for header in get.headers { request.headers.add(name: header.name, value: header.value) }
                let response = try await SharedHTTPClient.client.execute(request, timeout: .nanoseconds(Int64(seconds * 1e9)))
                let status = Int(response.status.code)
                guard get.keepsBody else {
                    // Read to the end so the connection goes back to the pool.
                    for try await _ in response.body {}
                    return HTTPAnswer(status: status, body: Data())
                }
                let buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
                return HTTPAnswer(status: status, body: Data(buffer.readableBytesView))
            }
        } catch let error as SourceError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .cancelled {
            throw CancellationError()
        } catch {
            throw HTTPErrorText.describe(error, timeoutSeconds: seconds)
        }
    }
}
