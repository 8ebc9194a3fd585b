import Foundation
import RunbookKit

/// The clocks of the room beside the SLA: when the next status update is due, and when the
/// runbook says to escalate next. Pure reads of the state.
public enum RoomClocks {
    /// The update cadence for the current severity: `updates.every` from warroom.yaml, else the
    /// runbook's words ("status page update every 30 minutes"). Nil without one.
    public static func updateEvery(_ state: AppState) -> Int? {
        state.updateSettings.cadence(for: state.incident.severity) ?? state.runbookUpdateEvery
    }

    /// When the next update is due (after the last one, else after the start: the runbook's time
    /// for the first update when it gives one); nil once resolved or without a cadence.
    public static func nextUpdate(_ state: AppState) -> Date? {
        guard !isOver(state), let every = updateEvery(state) else { return nil }
        guard let last = state.lastStatusUpdate else {
            let first =
                state.updateSettings.cadence(for: state.incident.severity) == nil
                ? state.runbookCadence?.firstSeconds : nil
            return state.incident.startedAt.addingTimeInterval(Double(first ?? every))
        }
        return last.addingTimeInterval(Double(every))
    }

    /// One step of the escalation path with its delay after the start.
    public struct Escalation: Sendable, Equatable {
        public var level: Int
        public var who: String
        public var afterSeconds: Int
        public var contact: String?
    }

    /// The runbook's timed escalation steps ("Level 3 after 15 min"), earliest first; the current
    /// severity's own escalation text ("After 1 hour") when it names a delay.
    public static func escalations(_ state: AppState) -> [Escalation] {
        var out: [Escalation] = []
        for step in state.runbook?.escalation ?? [] {
            guard let after = step.after, let seconds = DurationParser.seconds(in: after), seconds > 0 else { continue }
            out.append(Escalation(level: step.level, who: step.who, afterSeconds: seconds, contact: step.contact))
        }
        if out.isEmpty, let text = state.severityLevel?.escalation, let seconds = DurationParser.seconds(in: text),
            seconds > 0
        {
            out.append(Escalation(level: 1, who: text, afterSeconds: seconds, contact: nil))
        }
        return out.sorted { $0.afterSeconds < $1.afterSeconds }
    }

    /// The next escalation not yet due, and the ones already due (to record once each).
    public static func escalationState(_ state: AppState) -> (next: Escalation?, due: [Escalation]) {
        guard !isOver(state) else { return (nil, []) }
        let elapsed = state.now.timeIntervalSince(state.incident.startedAt)
        let all = escalations(state)
        return (all.first { Double($0.afterSeconds) > elapsed }, all.filter { Double($0.afterSeconds) <= elapsed })
    }

    /// Mitigated or resolved: no more reminders.
    static func isOver(_ state: AppState) -> Bool {
        state.isWalk || state.incident.status == "resolved" || state.milestones["resolved"] != nil
            || state.milestones["mitigated"] != nil
    }

    /// `✉ update in 12:00`, or `✉ update due +02:10` once late (the key says how it looks).
    public static func updateText(_ state: AppState) -> (String, ThemeKey)? {
        guard let due = nextUpdate(state) else { return nil }
        let left = Int(due.timeIntervalSince(state.now).rounded(.down))
        if left < 0 { return ("✉ update due +" + TimeText.countdown(left) + " (:update)", .countdownBreached) }
        return ("✉ update in " + TimeText.countdown(left), left <= 120 ? .countdownWarn : .header)
    }

    /// `⇡ L2 Team lead in 04:10`.
    public static func escalationText(_ state: AppState) -> (String, ThemeKey)? {
        guard let next = escalationState(state).next else { return nil }
        let left = Int(
            state.incident.startedAt.addingTimeInterval(Double(next.afterSeconds)).timeIntervalSince(state.now))
        let who = next.who.count > 24 ? String(next.who.prefix(23)) + "…" : next.who
        return ("⇡ L\(next.level) \(who) in " + TimeText.countdown(left), left <= 120 ? .countdownWarn : .header)
    }
}
