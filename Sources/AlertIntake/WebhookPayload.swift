/// Alertmanager's webhook body, version 4. Every field is optional when decoding so that a
/// missing one gives a reason of ours (`AlertDecoding`) rather than a decoder's.
struct WebhookPayload: Decodable {
    var version: String?
    var receiver: String?
    var status: String?
    var alerts: [WebhookAlert]?
    var groupLabels: [String: String]?
    var commonLabels: [String: String]?
    var commonAnnotations: [String: String]?
    var externalURL: String?
    var groupKey: String?
}

struct WebhookAlert: Decodable {
    var status: String?
    var labels: [String: String]?
    var annotations: [String: String]?
    var startsAt: String?
    var endsAt: String?
    var generatorURL: String?
    var fingerprint: String?
}

/// One alert of Alertmanager's API v2 (`GET /api/v2/alerts`): every one listed is firing
/// (active, suppressed or unprocessed); a resolved alert is one that is no longer listed.
struct APIAlert: Decodable {
    var labels: [String: String]?
    var annotations: [String: String]?
    var startsAt: String?
    var endsAt: String?
    var generatorURL: String?
    var fingerprint: String?
}
