import Foundation

/// Alertmanager's times: RFC 3339 with up to nanosecond fractions, which Foundation's
/// ISO 8601 parser does not take, so the fraction is cut to milliseconds first.
enum RFC3339 {
    static func date(_ text: String) -> Date? {
        var whole = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            fraction = Double("0." + digits.prefix(9)) ?? 0
            whole = String(text[..<dot]) + String(text[digits.endIndex...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: whole).map { $0.addingTimeInterval(fraction) }
    }

    /// Alertmanager's "not set" time (`endsAt` of an alert still firing).
    static func isUnset(_ text: String) -> Bool { text.hasPrefix("0001-01-01") }
}
