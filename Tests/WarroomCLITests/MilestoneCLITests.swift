import Foundation
import Testing
import WarroomTestSupport

/// `warroom milestone NAME --at TIME`: when a milestone was reached, recorded after the fact.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct MilestoneCLITests {
    @Test func aTimeGivenWithAtIsRecordedAndCorrectionsKeepTheOldRecord() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-milestone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        let opened = try WarroomBinary.run([
            "incident", "open", "--title", "Late ack", "--severity", "SEV2", "--store", store.path
        ])
        #expect(opened.status == 0, "\(opened.err)")
        let first = try WarroomBinary.run([
            "milestone", "acknowledged", "--at", "2026-12-03T13:02:00Z", "--store", store.path
        ])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("acknowledged at 2026-12-03T13:02:00Z"))
        let corrected = try WarroomBinary.run([
            "milestone", "acknowledged", "--at", "2026-12-03T13:01:00Z", "--store", store.path
        ])
        #expect(corrected.status == 0, "\(corrected.err)")

        let timeline = try WarroomBinary.run(["timeline", "--json", "--kind", "milestone", "--store", store.path])
        let events = timeline.out.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let ats = events.compactMap { ($0["payload"] as? [String: Any])?["at"] as? String }
        #expect(ats == ["2026-12-03T13:02:00Z", "2026-12-03T13:01:00Z"], "both records stay: \(timeline.out)")
    }

    @Test func aTimeThatIsNotOneIsRefusedNamingWhatIsAccepted() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-milestone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        _ = try WarroomBinary.run([
            "incident", "open", "--title", "Bad time", "--severity", "SEV2", "--store", store.path
        ])
        let bad = try WarroomBinary.run(["milestone", "acknowledged", "--at", "25:99", "--store", store.path])
        #expect(bad.status != 0)
        #expect(bad.err.contains("25:99") && bad.err.contains("HH:MM"))
    }
}
