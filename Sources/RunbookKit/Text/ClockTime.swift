import Foundation

/// A time of day as people type it during an incident: `13:02` or `13:02:30`, UTC, meaning the
/// latest such moment not after `reference` (so "23:58" typed at 00:10 is yesterday), or a full
/// ISO 8601 date and time.
public enum ClockTime {
    public static func parse(_ text: String, near reference: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = parseISO(trimmed) { return date }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, let hour = parts[0], let minute = parts[1],
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        var second = 0
        if parts.count == 3 {
            guard let s = parts[2], (0..<60).contains(s) else { return nil }
            second = s
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.dateComponents([.year, .month, .day], from: reference)
        (day.hour, day.minute, day.second) = (hour, minute, second)
        guard var date = calendar.date(from: day) else { return nil }
        if date > reference.addingTimeInterval(60) { date = date.addingTimeInterval(-86_400) }
        return date
    }

    public static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// RFC 3339 as Alertmanager writes it, with up to nanoseconds (`2026-12-03T13:02:00.123456789Z`).
    public static func parseRFC3339(_ text: String) -> Date? {
        if let date = parseISO(text) { return date }
        guard let dot = text.firstIndex(of: "."),
            let end = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" })
        else { return nil }
        let fraction = Double("0" + text[dot..<end]) ?? 0
        return parseISO(String(text[..<dot] + text[end...])).map { $0.addingTimeInterval(fraction) }
    }

    public static func parseISO(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let date = f.date(from: text) { return date }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }
}
