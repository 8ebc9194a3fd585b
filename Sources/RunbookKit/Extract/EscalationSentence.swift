/// Whom a sentence of escalation brings in, read from its words: the words after a verb that
/// brings someone in, up to where the clause goes on to say when, why or how.
/// "If nothing improves within 30 minutes, page the search lead" → "search lead";
/// "escalate to the duty manager in #ops-escalations" → "duty manager", reached at
/// "#ops-escalations"; "No answer in 15 minutes? Call the team lead, Maria Chen." → "team lead,
/// Maria Chen". The first step of a chain is often only the subject of its condition: "If the
/// primary on-call does not acknowledge …" names the primary on-call (`unanswered`).
enum EscalationSentence {
    struct Reading: Equatable {
        var who: String
        var contact: String?
    }

    /// Verbs that bring a person or a team in, each followed by whom (lower case, with the space
    /// or preposition before the object). Not "calls" or "pages": "the acquirer calls time out",
    /// "API calls", "error pages" are things.
    static let verbs = [
        "escalate to ", "escalate it to ", "escalates to ", "escalate this to ", "page ", "call ", "notify ",
        "notifies ", "contact ", "loop in ", "pull in ", "bring in ", "brings in ",
        "engage ", "reach out to ", "wake up ", "ping ", "involve ", "hand over to ", "hand off to ",
        "start with "
    ]

    /// The person a clause brings in, or nil when no verb in it is followed by a person.
    static func read(_ clause: String) -> Reading? {
        for start in verbEnds(clause) {
            if let reading = object(from: clause[start...]) { return reading }
        }
        return passive(clause)
    }

    /// Said the other way round: "the secondary on-call is paged as well" (whom, before the verb);
    /// "the page goes to the engineering manager on duty" (whom, after "goes to").
    static let passiveVerbs = [
        " is paged", " are paged", " gets paged", " get paged", " is called", " is notified", " are notified",
        " gets notified", " is brought in", " are brought in", " is woken up", " is phoned", " is rung"
    ]
    static let routedTo = [
        " goes to ", " go to ", " is escalated to ", " are escalated to ", " is routed to ", " rolls over to ",
        " rolls to ", " moves to ", " passes to "
    ]

    static func passive(_ clause: String) -> Reading? {
        if let verb = passiveVerbs.compactMap({ clause.range(of: $0, options: .caseInsensitive) }).first {
            var subject = clause[..<verb.lowerBound]
            if let comma = subject.lastRange(of: ", ") { subject = subject[comma.upperBound...] }
            let who = withoutArticle(String(subject).trimmed)
            let words = who.split(separator: " ")
            guard !words.isEmpty, words.count <= 6,
                !["it", "this", "nobody", "no one", "someone"].contains(who.lowercased())
            else { return nil }
            return Reading(who: who, contact: nil)
        }
        let lower = clause.lowercased()
        // What is routed: a page, an alert, the incident, an escalation.
        guard ["page", "alert", "incident", "escalation", "call"].contains(where: lower.contains),
            let route = routedTo.compactMap({ clause.range(of: $0, options: .caseInsensitive) }).first
        else { return nil }
        guard var reading = object(from: clause[route.upperBound...]) else { return nil }
        // "goes to the ledger on-call first": the order word is not part of whom.
        var words = reading.who.split(separator: " ")
        while words.count > 1, let last = words.last,
            ["first", "directly", "immediately", "too", "also"].contains(
                last.lowercased())
        {
            words.removeLast()
        }
        reading.who = words.joined(separator: " ")
        return reading
    }

    /// A clause that is all object ("then the engineering manager after 1 hour"): whom it names.
    static func object(of clause: String) -> Reading? {
        var text = Substring(clause).trimmed
        for lead in ["then ", "and then ", "and "] where text.lowercased().hasPrefix(lead) {
            text = String(text.dropFirst(lead.count))
            break
        }
        return object(from: text[...])
    }

    /// "If the primary on-call does not acknowledge within 10 minutes, …": "primary on-call", the
    /// one brought in before the sentence's step.
    static func unanswered(_ clause: String) -> String? {
        guard clause.lowercased().hasPrefix("if ") else { return nil }
        let negations = [
            " does not ", " doesn't ", " do not ", " don't ", " did not ", " didn't ", " has not ", " hasn't ",
            " have not ", " haven't ", " fails to ", " fail to ", " cannot ", " can't ", " is not ", " isn't ",
            " is unreachable", " is unavailable"
        ]
        guard
            let negation = negations.compactMap({ clause.range(of: $0, options: .caseInsensitive) }).min(by: {
                $0.lowerBound < $1.lowerBound
            })
        else { return nil }
        let subject = String(clause[clause.index(clause.startIndex, offsetBy: 3)..<negation.lowerBound])
        let who = withoutArticle(subject)
        let words = who.split(separator: " ")
        // "If it does not …", "If nothing improves …": no one is named.
        guard !words.isEmpty, words.count <= 6,
            ![
                "it", "this", "that", "there", "nobody", "no one", "anyone", "you",
                "we", "they", "the issue", "the problem"
            ].contains(who.lowercased())
        else { return nil }
        return who
    }

    /// Where each verb that starts a word ends, in order (not "on-call", not "the status page").
    /// Searched without case in the clause itself: a lowercased copy's indices may not be its own.
    private static func verbEnds(_ clause: String) -> [String.Index] {
        var found: [Range<String.Index>] = []
        for verb in verbs {
            var from = clause.startIndex
            while let range = clause.range(of: verb, options: .caseInsensitive, range: from..<clause.endIndex) {
                from = range.upperBound
                if range.lowerBound > clause.startIndex {
                    let previous = clause[clause.index(before: range.lowerBound)]
                    if previous.isLetter || previous.isNumber || previous == "-" { continue }
                }
                let before = clause[..<range.lowerBound].split(separator: " ").last?.lowercased() ?? ""
                if nounBefore.contains(before) { continue }
                found.append(range)
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }.map(\.upperBound)
    }

    /// Words before "page" or "call" that make it a noun ("the status page", "a phone call").
    private static let nounBefore: Set<String> = [
        "the", "a", "an", "this", "that", "our", "your", "their", "its", "status", "web", "wiki", "landing",
        "home", "error", "conference", "phone", "video", "bridge", "api", "function", "system", "no", "first",
        "on"
    ]

    /// Words that, first after a verb, show it brings in no one ("call it", "page through").
    private static let notAPerson: Set<String> = [
        "it", "this", "that", "these", "those", "for", "to", "back", "out", "up", "off", "into", "with", "and", "or",
        "is", "was", "if", "when", "through", "over", "down", "them", "me", "us", "in", "on", "at", "as", "per", "from",
        "again", "now", "directly", "immediately"
    ]

    /// Where the object stops: the clause goes on to say when, why or how.
    private static let stops = [
        " if ", " when ", " unless ", " once ", " after ", " within ", " in case", " before ", " until ", " so ",
        " to ", " then ", " for ", " as ", " immediately", " right away", " who ", " because ", " only ",
        " instead", " by ", " about ", " and ask", " and tell", " with ", " if/", " at ", " — ", " – ", " - "
    ]

    /// "on" ends whom unless it is part of the role: "the engineer on call".
    private static let roleAfterOn = ["call", "-call", "duty", "shift"]

    /// Prepositions that, followed by a channel, handle or number, say how the person is reached.
    private static let reachedBy = [" in ", " on ", " via ", " at ", " through ", " using "]

    /// Whom the words after a verb name, up to where the clause says when, why or how.
    private static func object(from rest: Substring) -> Reading? {
        guard let firstWord = rest.split(separator: " ").first?.lowercased().trimmingTrailing(",.;:"),
            !notAPerson.contains(firstWord)
        else { return nil }
        var end = rest.endIndex
        func stop(at mark: String) {
            if let range = rest.range(of: mark, options: .caseInsensitive, range: rest.startIndex..<end) {
                end = range.lowerBound
            }
        }
        for mark in [",", ";", ":", "?", "!", ". "] + stops { stop(at: mark) }
        var from = rest.startIndex
        while from < end, let range = rest.range(of: " on ", options: .caseInsensitive, range: from..<end) {
            from = range.upperBound
            let after = rest[range.upperBound...].lowercased()
            if !roleAfterOn.contains(where: after.hasPrefix) { end = range.lowerBound }
        }
        // "pull in the dev team, support, and PM": a short list of whom is all of them.
        if end < rest.endIndex, rest[end] == ",", let list = listGoingOn(rest[end...]) { end = list }
        for preposition in reachedBy {
            var from = rest.startIndex
            while from < end, let range = rest.range(of: preposition, options: .caseInsensitive, range: from..<end) {
                from = range.upperBound
                if reachable(rest[range.upperBound...].lowercased()[...]) { end = range.lowerBound }
            }
        }
        var who = String(rest[..<end]).trimmingTrailing(".")
        // "the team lead, Maria Chen": a name after the comma is the same person.
        if end < rest.endIndex, rest[end] == ",", let name = appositiveName(rest[rest.index(after: end)...]) {
            who += ", " + name
        }
        who = withoutArticle(who)
        guard who.contains(where: \.isLetter), who.split(separator: " ").count <= 10 else { return nil }
        let clause = String(rest.base)
        let contact =
            ProseMentions.channels(in: clause).first ?? handles(in: clause).first
            ?? ProseMentions.emails(in: clause).first
        // "the lead (@kmorita)": the handle already shown with whom is not said twice.
        return Reading(who: who, contact: contact.flatMap { who.contains($0) ? nil : $0 })
    }

    /// Whether text after a preposition is how someone is reached (a channel, a handle, a number,
    /// a paging tool or chat), not more of whom ("the VP in charge").
    private static func reachable(_ text: Substring) -> Bool {
        let word = text.split(separator: " ").first.map(String.init) ?? ""
        if word.hasPrefix("#") || word.hasPrefix("@") || word.hasPrefix("+") || word.first?.isNumber == true {
            return true
        }
        let tools = ["slack", "pagerduty", "opsgenie", "victorops", "zoom", "teams", "phone", "email", "e-mail", "mail"]
        let bare = word.trimmingTrailing(",.;:")
        return tools.contains(bare) || (bare == "the" && text.dropFirst(4).hasPrefix("bridge"))
    }

    /// Where a list of whom that goes on after a comma ends (", support, and PM to reassess"):
    /// items of at most three words, the last after "and" or "or"; nil when it is no such list.
    private static func listGoingOn(_ text: Substring) -> String.Index? {
        var index = text.startIndex
        var items = 0
        while index < text.endIndex, text[index] == "," {
            let itemStart = text.index(after: index)
            let itemEnd = text[itemStart...].firstIndex { $0 == "," || $0 == "." || $0 == ";" } ?? text.endIndex
            var item = text[itemStart..<itemEnd].trimmed.lowercased()
            items += 1
            for joiner in ["and ", "or "] where item.hasPrefix(joiner) {
                item = String(item.dropFirst(joiner.count))
                let words = item.split(separator: " ")
                // The last item ends where the clause goes on: "PM to reassess" is "PM".
                let stop = words.firstIndex { ["to", "if", "when", "for", "so", "as", "in", "on", "at"].contains($0) }
                let kept = stop.map { words[..<$0] } ?? words[...]
                guard (1...3).contains(kept.count), items <= 5 else { return nil }
                let keptText = kept.joined(separator: " ")
                guard let range = text[itemStart..<itemEnd].range(of: keptText, options: .caseInsensitive) else {
                    return nil
                }
                return range.upperBound
            }
            guard (1...3).contains(item.split(separator: " ").count), itemEnd < text.endIndex, text[itemEnd] == ","
            else { return nil }
            index = itemEnd
        }
        return nil
    }

    /// "Maria Chen." after a comma: one to three capitalised words and the clause's end.
    private static func appositiveName(_ text: Substring) -> String? {
        let name = text.trimmed.trimmingTrailing(".")
        let words = name.split(separator: " ")
        guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && $0.count > 1 }),
            !name.contains(",")
        else { return nil }
        return String(name)
    }

    /// `@jdoe`, `@search-lead`: handles at a word start.
    private static func handles(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
            .map { $0.trimmingTrailing(".;:") }
            .filter { $0.hasPrefix("@") && $0.count > 2 && !$0.dropFirst().contains("@") }
    }

    private static func withoutArticle(_ text: String) -> String {
        let out = Substring(text).trimmed
        for article in ["the ", "a ", "an ", "our ", "your "] where out.lowercased().hasPrefix(article) {
            return String(out.dropFirst(article.count))
        }
        return out
    }
}
