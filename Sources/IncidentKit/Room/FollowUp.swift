import Foundation

/// A follow-up (action item) as the journal's events leave it: added by `action_added` or by a
/// note starting `TODO:` / `action:`, closed by `action_closed`.
public struct FollowUp: Sendable, Equatable, Codable {
    /// The event that added it; `warroom action --close ID` names it.
    public var id: Int64
    public var text: String
    public var owner: String?
    public var addedAt: Date
    public var addedBy: String
    public var closedAt: Date?
    public var closedBy: String?
    /// Why it was dropped rather than done.
    public var reason: String?

    public var isOpen: Bool { closedAt == nil }

    /// A note that is a follow-up (`TODO: …`, `action: …`): its text and owner.
    public static func fromNote(_ note: String) -> (text: String, owner: String?)? {
        guard let text = PostmortemBuilder.actionItem(note), !text.isEmpty else { return nil }
        return FollowUpText.parse(text)
    }

    /// `open`, `done` or `dropped`.
    public var state: String { closedAt == nil ? "open" : reason == nil ? "done" : "dropped" }

    /// The follow-ups of `events` in the order they were added.
    public static func fold(_ events: [TimelineEvent]) -> [FollowUp] {
        var fold = FollowUpFold()
        for (event, payload) in zip(events, DecodedPayload.decodeAll(events)) { fold.add(event, payload) }
        return fold.list
    }
}

/// Adds and closes follow-ups event by event.
struct FollowUpFold {
    var list: [FollowUp] = []
    var index: [Int64: Int] = [:]

    mutating func add(_ event: TimelineEvent, _ payload: DecodedPayload) {
        switch payload {
        case .actionAdded(let p):
            index[event.id] = list.count
            list.append(
                FollowUp(id: event.id, text: p.text, owner: p.owner, addedAt: event.time, addedBy: event.author))
        case .note(let p):
            guard let owned = FollowUp.fromNote(p.text) else { return }
            index[event.id] = list.count
            list.append(
                FollowUp(
                    id: event.id, text: owned.text, owner: owned.owner, addedAt: event.time,
                    addedBy: event.author))
        case .actionClosed(let p):
            guard let at = index[p.action] else { return }
            list[at].closedAt = event.time
            list[at].closedBy = event.author
            list[at].reason = p.reason
        default:
            return
        }
    }
}

/// `rotate the key @alice by Friday` → text `rotate the key by Friday`, owner `alice`: the first
/// `@name` word names the owner, as people write it in chat.
public enum FollowUpText {
    public static func parse(_ line: String) -> (text: String, owner: String?) {
        var owner: String? = nil
        var words: [Substring] = []
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            let name = word.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?"))
            if owner == nil, word.hasPrefix("@"), !name.isEmpty, name.allSatisfy(Self.isNameCharacter) {
                owner = name
                continue
            }
            words.append(word)
        }
        return (words.joined(separator: " "), owner)
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == "."
    }
}
