import Foundation
import Testing
@testable import IncidentKit

/// The fast payload reader must agree with JSONDecoder on everything the journal writes.
@Suite("Flat JSON")
struct FlatJSONTests {
    func event<P: Encodable>(_ kind: EventKind, _ payload: P) throws -> TimelineEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        return TimelineEvent(id: 1, incident: "INC-1", time: Date(), author: "a", kind: kind, payloadJSON: json)
    }

    func slow(_ event: TimelineEvent) -> DecodedPayload {
        let decoder = JSONDecoder()
        let data = Data(event.payloadJSON.utf8)
        switch event.kind {
        case .note: return (try? decoder.decode(NotePayload.self, from: data)).map(DecodedPayload.note) ?? .unreadable
        case .commandFinished:
            return (try? decoder.decode(CommandFinishedPayload.self, from: data)).map(DecodedPayload.finished)
                ?? .unreadable
        case .metricBreached:
            return (try? decoder.decode(MetricPayload.self, from: data)).map(DecodedPayload.metric) ?? .unreadable
        case .statusChanged:
            return (try? decoder.decode(StatusChangedPayload.self, from: data)).map(DecodedPayload.status)
                ?? .unreadable
        case .itemSkipped:
            return (try? decoder.decode(ChecklistItemPayload.self, from: data)).map(DecodedPayload.item) ?? .unreadable
        case .opened:
            return (try? decoder.decode(OpenedPayload.self, from: data)).map(DecodedPayload.opened) ?? .unreadable
        default: return .unreadable
        }
    }

    @Test func agreesWithJSONDecoder() throws {
        let events = [
            try event(.note, NotePayload(text: "plain")),
            try event(.note, NotePayload(text: "quote \" backslash \\ tab \t newline \n unicode é ✓ 🚨 \u{1} slash /")),
            try event(
                .commandFinished,
                CommandFinishedPayload(
                    command: "ls", commandId: 3, exitStatus: nil, signal: 9,
                    durationMs: 1250, output: nil, tail: ["a", "b \"c\""])),
            try event(.commandFinished, CommandFinishedPayload(command: "ls", exitStatus: 0, durationMs: 0)),
            try event(
                .metricBreached, MetricPayload(metric: "p99", value: 1.5e-3, threshold: -2, level: "warning", unit: "s")
            ),
            try event(.statusChanged, StatusChangedPayload(from: .identified, to: .resolved)),
            try event(.itemSkipped, ChecklistItemPayload(item: "x", index: 2, reason: "n/a")),
            try event(.opened, OpenedPayload(title: "t", severity: "SEV1"))
        ]
        for event in events {
            let fast = DecodedPayload.decode(event, using: JSONDecoder())
            #expect(fast == slow(event), "\(event.payloadJSON)")
            #expect(fast != .unreadable)
        }
    }

    @Test func escapedUnicodeAndSurrogatePairs() {
        let values = FlatJSON.parse(#"{"a":"\u00e9\ud83d\udea8","b":[],"c":null,"d":true,"e":-1.5E2}"#)
        #expect(values?["a"] == .string("é🚨"))
        #expect(values?["b"] == .strings([]))
        #expect(values?["c"] == .null)
        #expect(values?["d"] == .bool(true))
        #expect(values?["e"] == .number(-150))
    }

    @Test(arguments: [#"{"a":{"nested":1}}"#, #"{"a":"unterminated}"#, #"{"a":1,}"#, #"{"a":1} trailing"#, "[1]", ""])
    func refusesWhatItDoesNotHandle(text: String) {
        #expect(FlatJSON.parse(text) == nil)
    }

    @Test func wrongTypesFallBackToJSONDecoder() {
        // `text` as a number: neither reader accepts it, so the payload is unreadable rather than wrong.
        let event = TimelineEvent(
            id: 1, incident: "I", time: Date(), author: "a", kind: .note, payloadJSON: #"{"text":5}"#)
        #expect(DecodedPayload.decode(event, using: JSONDecoder()) == .unreadable)
    }
}
