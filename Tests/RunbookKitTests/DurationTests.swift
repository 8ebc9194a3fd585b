import Testing
@testable import RunbookKit

@Suite struct DurationTests {
    @Test(arguments: [
        ("< 15 mins", 900), ("15 minutes", 900), ("Within 1 hour", 3600), ("Immediate (within 15 minutes)", 900),
        ("24 hours", 86400), ("After 48 hours", 172800), ("5 min", 300), ("2h", 7200), ("1.5 hours", 5400),
        ("Immediate", 0), ("ASAP", 0), ("< 10 mins", 600), ("3 days", 259200), ("within 30s", 30), ("1 week", 604800)
    ])
    func seconds(text: String, expected: Int) {
        #expect(DurationParser.deadline(text)?.seconds == expected)
    }

    @Test(arguments: ["Next business day", "1 business day", "Weekly review", "Best effort"])
    func unboundedKeepsText(text: String) throws {
        let deadline = try #require(DurationParser.deadline(text))
        #expect(deadline.seconds == nil)
        #expect(deadline.isUnbounded)
        #expect(deadline.text == text)
    }

    @Test func windows() throws {
        let triage = try #require(DurationParser.window(in: "#### 1. Detection & Triage (0-15 minutes)"))
        #expect(triage.startSeconds == 0 && triage.endSeconds == 900)
        let review = try #require(DurationParser.window(in: "5. Post-Incident Review (24-72 hours)"))
        #expect(review.startSeconds == 86400 && review.endSeconds == 259200)
        #expect(DurationParser.window(in: "Within 1 hour") == nil)
    }

    @Test func timeLabels() {
        for label in ["Immediate", "Immediately", "15 min", "Within 1 hour", "After 48 hours", "30 min:", "4 hours"] {
            #expect(DurationParser.isTimeLabel(label), "\(label)")
        }
        for label in ["Follow-up", "Assess Impact", "Check 5 pods", "Acknowledge"] {
            #expect(!DurationParser.isTimeLabel(label), "\(label)")
        }
    }

    @Test func emptyAndJunk() {
        #expect(DurationParser.deadline("") == nil)
        #expect(DurationParser.deadline("   ") == nil)
        #expect(DurationParser.seconds(in: "no time here") == nil)
        // Absurd numbers are not deadlines, and must not trap when converted.
        #expect(DurationParser.seconds(in: String(repeating: "9", count: 400) + " minutes") == nil)
        #expect(DurationParser.window(in: "(0-\(String(repeating: "9", count: 40)) hours)") == nil)
    }
}
