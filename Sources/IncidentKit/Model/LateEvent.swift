import Foundation

extension TimelineEvent {
    /// How much later than its own time the server took this event, when that is at least
    /// `lateAfter`: an event that waited in an offline outbox. Nil on SQLite (no receipt time) and
    /// for events that arrived on time.
    public var lateBy: TimeInterval? {
        guard let receivedAt else { return nil }
        let delay = receivedAt.timeIntervalSince(time)
        return delay >= Self.lateAfter ? delay : nil
    }

    /// Below this, a delay is the writer's and the server's clocks disagreeing a little, or a slow
    /// commit, not an event that waited offline.
    public static let lateAfter: TimeInterval = 30

    /// `late 3m`, `late 45s`, `late 2h05m`: how late, for the timeline.
    public static func lateWords(_ delay: TimeInterval) -> String {
        let seconds = Int(delay.rounded(.down))
        if seconds < 60 { return "late \(seconds)s" }
        if seconds < 3600 { return "late \(seconds / 60)m" }
        let minutes = (seconds % 3600) / 60
        return "late \(seconds / 3600)h" + (minutes < 10 ? "0" : "") + "\(minutes)m"
    }
}
