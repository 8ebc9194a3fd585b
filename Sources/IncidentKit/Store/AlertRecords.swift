import Foundation

/// One alert as an intake hands it to the journal (from a webhook or the Alertmanager API).
public struct AlertArrival: Sendable, Equatable {
    public var fingerprint: String
    /// `firing` or `resolved`.
    public var firing: Bool
    public var payload: AlertPayload

    public init(fingerprint: String, firing: Bool, payload: AlertPayload) {
        self.fingerprint = fingerprint
        self.firing = firing
        self.payload = payload
    }
}

/// What the journal did with one delivery.
public struct AlertOutcome: Sendable, Equatable {
    public var incident: String
    /// This delivery opened the incident (false: a repeat, or a later alert of the group).
    public var opened: Bool
    /// Ids of the events written (opened, values, alert_firing, alert_resolved).
    public var events: [Int64]

    public init(incident: String, opened: Bool, events: [Int64]) {
        self.incident = incident
        self.opened = opened
        self.events = events
    }
}

/// An alert as `warroom alerts list` shows it.
public struct AlertRow: Sendable, Equatable, Codable {
    public var fingerprint: String
    public var alertname: String?
    public var status: String
    public var incident: String
    public var groupKey: String
    public var labels: [String: String]
    public var startsAt: String?
    public var firstSeen: Date
    public var lastSeen: Date
    public var via: String

    public init(
        fingerprint: String, alertname: String?, status: String, incident: String, groupKey: String,
        labels: [String: String], startsAt: String?, firstSeen: Date, lastSeen: Date, via: String
    ) {
        self.fingerprint = fingerprint
        self.alertname = alertname
        self.status = status
        self.incident = incident
        self.groupKey = groupKey
        self.labels = labels
        self.startsAt = startsAt
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.via = via
    }
}
