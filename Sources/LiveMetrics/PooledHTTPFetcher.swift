import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// GETs through the shared async-http-client pool (`SharedHTTPClient`).
///
/// Uses the delegate API rather than async `execute`: the answer is gathered on the connection's
/// event loop and handed over once, where the async API hops between the event loop and Swift's
/// executors for the head and again for each body part (measured: about twice the CPU a request).
/// Its deadline covers the whole exchange, body included, so an answer that trickles on fails
/// with "timeout after Ns" as before; cancelling the Swift task cancels the request.
struct PooledHTTPFetcher: HTTPFetcher {
    /// A Prometheus answer is a few KB; a runaway one must not fill memory.
    static let maxBodyBytes = 64 << 20

    func get(_ get: HTTPGet) async throws -> HTTPAnswer {
        let seconds = get.timeoutSeconds
        do {
            let request = try HTTPClient.Request(
                url: get.url, method: .GET,
                headers: HTTPHeaders(get.headers.map { ($0.name, $0.value) }))
            let collector = AnswerCollector(keepsBody: get.keepsBody)
            let task = SharedHTTPClient.client.execute(
                request: request, delegate: collector,
                deadline: .now() + .nanoseconds(Int64(seconds * 1e9)))
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch let error as HTTPClientError where error == .cancelled {
            throw CancellationError()
        } catch {
            throw HTTPErrorText.describe(error, timeoutSeconds: seconds)
        }
    }
}

/// Keeps the status and, when asked, the body (up to `PooledHTTPFetcher.maxBodyBytes`).
/// async-http-client calls it on the request's event loop, one callback at a time, hence the
/// unchecked `Sendable`.
final class AnswerCollector: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = HTTPAnswer

    private let keepsBody: Bool
    private var status = 0
    private var body: ByteBuffer?

    init(keepsBody: Bool) {
        self.keepsBody = keepsBody
    }

    func didReceiveHead(task: HTTPClient.Task<HTTPAnswer>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        status = Int(head.status.code)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<HTTPAnswer>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
        guard keepsBody else { return task.eventLoop.makeSucceededVoidFuture() }
        if (body?.readableBytes ?? 0) + part.readableBytes > PooledHTTPFetcher.maxBodyBytes {
            return task.eventLoop.makeFailedFuture(NIOTooManyBytesError(maxBytes: PooledHTTPFetcher.maxBodyBytes))
        }
        if body == nil {
            body = part
        } else {
            var part = part
            body?.writeBuffer(&part)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<HTTPAnswer>) throws -> HTTPAnswer {
        HTTPAnswer(status: status, body: body.map { Data($0.readableBytesView) } ?? Data())
    }
}
