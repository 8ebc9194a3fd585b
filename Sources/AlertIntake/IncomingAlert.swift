import IncidentKit

/// One alert, however it arrived (webhook or API), checked and ready for the intake.
public struct IncomingAlert: Sendable, Equatable {
    public var fingerprint: String
    public var firing: Bool
    public var labels: [String: String]
    public var annotations: [String: String]
    /// As Alertmanager wrote it (RFC 3339).
    public var startsAt: String?
    public var endsAt: String?
    public var generatorURL: String?

    public var alertname: String? { labels["alertname"] }

    var arrival: AlertArrival {
        AlertArrival(
            fingerprint: fingerprint, firing: firing,
            payload: AlertPayload(
                fingerprint: fingerprint, alertname: alertname, labels: labels,
                annotations: annotations, startsAt: startsAt, endsAt: endsAt,
                generatorURL: generatorURL))
    }
}

/// A set of alerts that belong together: one webhook call (its `groupKey`), or one alert polled
/// from the API (grouped by its fingerprint).
public struct AlertDelivery: Sendable, Equatable {
    public var groupKey: String
    public var alerts: [IncomingAlert]
}
