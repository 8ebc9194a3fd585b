import Foundation
import IncidentKit

/// Turns request bodies into checked alerts, all or nothing: one bad alert refuses the whole
/// delivery, so a sender's retry never meets half of it already recorded.
public enum AlertDecoding {
    /// The largest body accepted (Alertmanager's own deliveries are far smaller).
    public static let maximumBytes = 1 << 20

    /// A webhook body (version 4): one delivery for its `groupKey`, or, without one, one
    /// delivery per alert keyed by its fingerprint.
    public static func webhook(_ data: Data) throws(IntakeError) -> [AlertDelivery] {
        guard data.count <= maximumBytes else { throw .tooLarge(limit: maximumBytes) }
        let payload: WebhookPayload = try decode(WebhookPayload.self, data)
        guard let version = payload.version else { throw .malformed("no \"version\" (Alertmanager sends \"4\")") }
        guard version == "4" else { throw .malformed("version \"\(version)\" is not supported (expected \"4\")") }
        guard let alerts = payload.alerts else { throw .malformed("no \"alerts\" list") }
        var checked: [IncomingAlert] = []
        for (index, alert) in alerts.enumerated() {
            guard let status = alert.status else { throw .malformed("alert \(index + 1) has no \"status\"") }
            guard status == "firing" || status == "resolved" else {
                throw .malformed("alert \(index + 1) has status \"\(status)\" (expected firing or resolved)")
            }
            checked.append(
                try check(
                    index: index, firing: status == "firing", labels: alert.labels,
                    annotations: alert.annotations, startsAt: alert.startsAt, endsAt: alert.endsAt,
                    generatorURL: alert.generatorURL, fingerprint: alert.fingerprint))
        }
        if let key = payload.groupKey, !key.isEmpty {
            guard key.utf8.count <= 4096 else { throw .malformed("\"groupKey\" is longer than 4096 bytes") }
            return checked.isEmpty ? [] : [AlertDelivery(groupKey: key, alerts: checked)]
        }
        return checked.map { AlertDelivery(groupKey: "fingerprint:" + $0.fingerprint, alerts: [$0]) }
    }

    /// `GET /api/v2/alerts`: every alert listed is firing; each is its own group, by fingerprint.
    public static func apiAlerts(_ data: Data) throws(IntakeError) -> [AlertDelivery] {
        guard data.count <= maximumBytes * 16 else { throw .tooLarge(limit: maximumBytes * 16) }
        let alerts: [APIAlert] = try decode([APIAlert].self, data)
        var out: [AlertDelivery] = []
        for (index, alert) in alerts.enumerated() {
            let checked = try check(
                index: index, firing: true, labels: alert.labels, annotations: alert.annotations,
                startsAt: alert.startsAt, endsAt: alert.endsAt, generatorURL: alert.generatorURL,
                fingerprint: alert.fingerprint)
            out.append(AlertDelivery(groupKey: "fingerprint:" + checked.fingerprint, alerts: [checked]))
        }
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(IntakeError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .malformed(reason(error))
        } catch {
            throw .malformed("not JSON")
        }
    }

    static func check(
        index: Int, firing: Bool, labels: [String: String]?, annotations: [String: String]?,
        startsAt: String?, endsAt: String?, generatorURL: String?,
        fingerprint: String?
    ) throws(IntakeError) -> IncomingAlert {
        let n = index + 1
        guard let labels, !labels.isEmpty else { throw .malformed("alert \(n) has no labels") }
        guard labels.keys.allSatisfy({ !$0.isEmpty }) else { throw .malformed("alert \(n) has an empty label name") }
        if let startsAt, RFC3339.date(startsAt) == nil {
            throw .malformed("alert \(n): \"startsAt\" is not an RFC 3339 time: \(startsAt.prefix(40))")
        }
        let given = fingerprint.flatMap { $0.isEmpty ? nil : $0 }
        if let given, given.count > 128 || !given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw .malformed("alert \(n): \"fingerprint\" is not a short hexadecimal id")
        }
        return IncomingAlert(
            fingerprint: given ?? computedFingerprint(labels), firing: firing, labels: labels,
            annotations: annotations ?? [:], startsAt: startsAt,
            endsAt: endsAt.flatMap { RFC3339.isUnset($0) ? nil : $0 }, generatorURL: generatorURL)
    }

    /// For senders that leave it out: a stable id of the label set, like Alertmanager's.
    static func computedFingerprint(_ labels: [String: String]) -> String {
        let text = labels.sorted { $0.key < $1.key }.map { "\($0.key)\u{0}\($0.value)\u{0}" }.joined()
        return String(SHA256.hex(Array(text.utf8)).prefix(16))
    }

    /// The decoder's complaint in a sender's terms: which field, what was wrong.
    static func reason(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return parts.isEmpty ? "the body" : "\"" + parts.joined(separator: ".") + "\""
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(typeName(type))"
        case .valueNotFound(let type, let context): return "\(path(context)) is null, expected a \(typeName(type))"
        case .keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "\(path(context)) is invalid"
        @unknown default: return "not Alertmanager's format"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        let name = "\(type)"
        if name.hasPrefix("Dictionary") { return "JSON object of strings" }
        if name.hasPrefix("Array") { return "list" }
        return name == "String" ? "string" : name
    }
}
