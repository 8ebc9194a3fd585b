import Foundation

/// One committed row of an incident's timeline. Ids increase in commit order.
public struct TimelineEvent: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var incident: String
    /// UTC, millisecond precision.
    public var time: Date
    public var author: String
    public var kind: EventKind
    /// The payload as stored: a JSON object, already redacted.
    public var payloadJSON: String
    /// When the server took it, on an engine that records it (PostgreSQL); nil on SQLite. Later
    /// than `time` for an event that waited in an offline outbox (see `lateBy`).
    public var receivedAt: Date?

    public init(
        id: Int64, incident: String, time: Date, author: String, kind: EventKind, payloadJSON: String,
        receivedAt: Date? = nil
    ) {
        self.receivedAt = receivedAt
        self.id = id
        self.incident = incident
        self.time = time
        self.author = author
        self.kind = kind
        self.payloadJSON = payloadJSON
    }

    /// The payload decoded as `type`; nil when it does not fit (a newer writer, a hand edit).
    public func payload<T: Decodable>(as type: T.Type) -> T? {
        try? JSONDecoder().decode(type, from: Data(payloadJSON.utf8))
    }

    /// One line of `timeline --json`: id, incident, time, author, kind, payload, in that order, and
    /// `received_at` for an event that arrived late (`lateBy`).
    public var jsonLine: String {
        "{\"id\":\(id),\"incident\":\(JSONText.string(incident)),\"time\":\"\(Timestamp.iso(time))\","
            + "\"author\":\(JSONText.string(author)),\"kind\":\"\(kind.rawValue)\",\"payload\":\(payloadJSON)"
            + (lateBy == nil ? "}" : ",\"received_at\":\"\(Timestamp.iso(receivedAt ?? time))\"}")
    }
}

/// Small JSON helpers for hand-assembled lines.
enum JSONText {
    static func string(_ s: String) -> String {
        let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Millisecond timestamps: how times are stored and printed.
public enum Timestamp {
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `2026-11-22T10:31:05.123Z`, computed by hand: it is printed for every event.
    public static func iso(_ date: Date) -> String {
        let ms = milliseconds(date)
        let parts = UTCParts(milliseconds: ms)
        return parts.dateString + "T" + parts.timeString + "." + pad(parts.millisecond, 3) + "Z"
    }
}

/// Calendar fields of a UTC instant (proleptic Gregorian, days-from-civil algorithm).
struct UTCParts {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int

    init(milliseconds ms: Int64) {
        var days = ms / 86_400_000
        var rest = ms % 86_400_000
        if rest < 0 { rest += 86_400_000; days -= 1 }
        millisecond = Int(rest % 1000)
        second = Int(rest / 1000 % 60)
        minute = Int(rest / 60_000 % 60)
        hour = Int(rest / 3_600_000)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400 + (month <= 2 ? 1 : 0))
    }

    init(_ date: Date) { self.init(milliseconds: Timestamp.milliseconds(date)) }

    // Hand-padded: String(format:) costs microseconds, and these run for every event.
    var dateString: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
    var compactDate: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }
    var timeString: String { pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) }
}

/// `n` with leading zeros to `width` digits.
func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
