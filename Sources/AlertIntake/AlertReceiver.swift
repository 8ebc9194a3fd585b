import Foundation
import Hummingbird
import Logging
import NIOCore

/// `warroom alerts serve`: Alertmanager's webhook receiver. A delivery is answered 200 only once
/// every event it brings is committed to the journal; anything else is refused whole, with the
/// reason, so Alertmanager's retry finds nothing half done.
public struct AlertReceiver: Sendable {
    let intake: AlertIntake
    /// One line per refused request (failed auth, bad payload, store errors), for the operator.
    let log: @Sendable (String) -> Void

    public init(intake: AlertIntake, log: @escaping @Sendable (String) -> Void) {
        self.intake = intake
        self.log = log
    }

    /// Serves until cancelled (or SIGINT/SIGTERM); `listening` gets the bound port (useful with port 0).
    public func run(on address: ListenAddress, listening: @escaping @Sendable (Int) -> Void) async throws {
        var logger = Logger(label: "warroom.alerts")
        logger.logLevel = .warning
        let app = Application(
            router: router(), configuration: .init(address: .hostname(address.host, port: address.port)),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? address.port) }, logger: logger)
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/") { request, _ in await self.receive(request) }
        router.post("/alerts") { request, _ in await self.receive(request) }
        router.get("/healthz") { _, _ in "ok\n" }
        return router
    }

    func receive(_ request: Request) async -> Response {
        guard intake.config.auth.allows(request.headers[.authorization]) else {
            // Read (and drop) the body first: a reply before it leaves the connection stuck for the next request.
            _ = try? await request.body.collect(upTo: AlertDecoding.maximumBytes)
            log("refused a delivery to \(request.uri.path): missing or wrong credentials (401)")
            // No WWW-Authenticate challenge: Alertmanager sends its configured credentials unasked, and
            // Foundation's URLSession on Linux stalls on a challenge it cannot answer.
            return Self.reply(.unauthorized, ["error": "unauthorized"])
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: AlertDecoding.maximumBytes)
        } catch {
            return refuse(.tooLarge(limit: AlertDecoding.maximumBytes), status: .contentTooLarge)
        }
        let deliveries: [AlertDelivery]
        do {
            deliveries = try AlertDecoding.webhook(Data(body.readableBytesView))
        } catch {
            return refuse(
                error, status: error == .tooLarge(limit: AlertDecoding.maximumBytes) ? .contentTooLarge : .badRequest)
        }
        do {
            let outcomes = try await intake.recordAsync(deliveries, via: "webhook")
            let incidents = Array(Set(outcomes.map(\.incident))).sorted()
            let opened = outcomes.filter(\.opened).map(\.incident)
            return Self.reply(.ok, ["incidents": incidents, "opened": opened])
        } catch {
            // 5xx: Alertmanager retries, and nothing of this delivery was committed.
            log("could not record a delivery: \(error)")
            return Self.reply(.serviceUnavailable, ["error": "could not record the alerts: \(error)"])
        }
    }

    func refuse(_ error: IntakeError, status: HTTPResponse.Status) -> Response {
        log("refused a delivery (\(status.code)): \(error)")
        return Self.reply(status, ["error": error.description])
    }

    static func reply(_ status: HTTPResponse.Status, _ object: [String: any Sendable]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data + Data("\n".utf8))))
    }
}
