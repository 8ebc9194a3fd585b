/// A response time or deadline as a runbook states it: a number of seconds when the text
/// names one ("< 15 mins", "Within 1 hour"), or unbounded ("Next business day") with the
/// original words kept either way.
public struct Deadline: Sendable, Codable, Equatable, Hashable {
    public var seconds: Int?
    public var text: String

    public init(seconds: Int?, text: String) {
        self.seconds = seconds
        self.text = text
    }

    public var isUnbounded: Bool { seconds == nil }

    enum CodingKeys: String, CodingKey { case seconds, text, unbounded }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(text, forKey: .text)
        try c.encode(isUnbounded, forKey: .unbounded)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seconds = try c.decodeIfPresent(Int.self, forKey: .seconds)
        text = try c.decode(String.self, forKey: .text)
    }
}

/// A time window on a phase heading, e.g. "(0-15 minutes)" or "(24-72 hours)".
public struct TimeWindow: Sendable, Codable, Equatable, Hashable {
    public var startSeconds: Int
    public var endSeconds: Int
    public var text: String

    public init(startSeconds: Int, endSeconds: Int, text: String) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.text = text
    }
}
