import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `warroom alerts pull`: reads Alertmanager's API v2 (`GET /api/v2/alerts`) for bastions that
/// take no inbound connection, and feeds the same intake, one group per fingerprint. An alert
/// this poller saw firing and the API no longer lists has resolved.
public struct AlertPuller: Sendable {
    let intake: AlertIntake
    let alertmanager: URL

    public init(intake: AlertIntake, alertmanager: URL) {
        self.intake = intake
        self.alertmanager = alertmanager
    }

    public struct Result: Sendable, Equatable {
        public var firing: Int
        public var resolved: Int
        public var opened: [String]
    }

    public enum PullError: Error, CustomStringConvertible {
        case http(url: String, status: Int)
        case unreachable(url: String, reason: String)
        public var description: String {
            switch self {
            case .http(let url, let status): "\(url) answered HTTP \(status)"
            case .unreachable(let url, let reason): "cannot reach \(url): \(reason)"
            }
        }
    }

    public func pullOnce() async throws -> Result {
        let url = alertmanager.appendingPathComponent("api/v2/alerts")
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw PullError.unreachable(url: url.absoluteString, reason: error.localizedDescription)
        }
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            throw PullError.http(url: url.absoluteString, status: http.statusCode)
        }
        let deliveries = try AlertDecoding.apiAlerts(data)
        let outcomes = try await intake.recordAsync(deliveries, via: "pull")
        let seen = Set(deliveries.flatMap { $0.alerts.map(\.fingerprint) })
        let gone = try intake.journal.firingAlerts(via: "pull").filter { !seen.contains($0.fingerprint) }
        let resolved = gone.map { row in
            AlertDelivery(
                groupKey: row.groupKey,
                alerts: [
                    IncomingAlert(
                        fingerprint: row.fingerprint, firing: false, labels: row.labels, annotations: [:],
                        startsAt: row.startsAt, endsAt: nil, generatorURL: nil)
                ])
        }
        _ = try await intake.recordAsync(resolved, via: "pull")
        return Result(firing: seen.count, resolved: resolved.count, opened: outcomes.filter(\.opened).map(\.incident))
    }
}
