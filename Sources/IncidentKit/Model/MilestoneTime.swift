import Foundation
import RunbookKit

/// Milestone times (`--at 13:02`): `ClockTime`, with a journal error naming what is accepted.
public enum MilestoneTime {
    public static func parse(_ text: String, near reference: Date) throws -> Date {
        guard let date = ClockTime.parse(text, near: reference) else {
            throw JournalError.invalidValue(
                what: "time", value: text, valid: ["HH:MM", "HH:MM:SS", "2026-12-03T13:02:00Z"])
        }
        return date
    }

    public static func iso(_ date: Date) -> String { ClockTime.iso(date) }
    public static func parseISO(_ text: String) -> Date? { ClockTime.parseISO(text) }
}
