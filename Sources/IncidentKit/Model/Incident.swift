import Foundation

/// One incident as the journal knows it now. Its history is in the timeline events; this row is
/// the current state those events led to, kept in the same transaction as each event.
public struct Incident: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var runbookPath: String?
    /// SHA-256 of the runbook file's bytes when the incident was opened.
    public var runbookHash: String?
    /// The runbook section the incident follows (an alert's `runbook_url#anchor` or its alertname's section).
    public var runbookSection: String?
    public var severity: String
    public var status: IncidentStatus
    /// Role name (commander, scribe, comms, or any other) → person.
    public var roles: [String: String]
    public var startedAt: Date
    public var resolvedAt: Date?

    public init(
        id: String, title: String, runbookPath: String? = nil, runbookHash: String? = nil,
        severity: String, status: IncidentStatus = .investigating, roles: [String: String] = [:],
        startedAt: Date, resolvedAt: Date? = nil, runbookSection: String? = nil
    ) {
        self.runbookSection = runbookSection
        self.id = id
        self.title = title
        self.runbookPath = runbookPath
        self.runbookHash = runbookHash
        self.severity = severity
        self.status = status
        self.roles = roles
        self.startedAt = startedAt
        self.resolvedAt = resolvedAt
    }

    public var isOpen: Bool { status != .resolved }
}
