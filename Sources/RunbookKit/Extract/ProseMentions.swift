import Foundation

/// Contacts and escalation steps written in running text rather than in tables or labelled
/// lists: "post in #incident-management", "+1 555 244 3473", "escalate to the IMOC",
/// "page the primary and backup IC". They are added after the structured ones and only
/// where those found nothing of the kind.
enum ProseMentions {
    /// Calls `body` with every paragraph and table cell, in document order, with its line, until
    /// it returns false (no list of every text is built: a large runbook has tens of thousands).
    static func forEachText(_ outline: Section, _ body: (_ text: String, _ line: Int) -> Bool) {
        forEachText(outline, withSection: { text, line, _ in body(text, line) })
    }

    /// `forEachText`, with the section each text is in.
    /// `skippingLinks`: a paragraph that is only a link (`[Escalation policy](…)`) names another
    /// page and is passed over.
    static func forEachText(
        _ outline: Section, skippingLinks: Bool = false,
        withSection body: (_ text: String, _ line: Int, _ section: Section) -> Bool
    ) {
        var going = true
        func visit(_ block: MarkdownBlock, in section: Section) {
            switch block.kind {
            case .paragraph where skippingLinks && isOnlyLink(block):
                break
            case .paragraph:
                // A block of fields is a text per line: "Owner: …" is not a sentence with "Slack: …".
                if let fields = block.fieldLines {
                    for (field, line) in fields where going {
                        for part in ContactExtractor.sameLineFields(field) where going {
                            going = body(part.label + ": " + part.value, line, section)
                        }
                    }
                } else if let parts = sideBySideFields(block.text) {
                    for part in parts where going { going = body(part.label + ": " + part.value, block.line, section) }
                } else {
                    going = body(block.text, block.line, section)
                }
            case .tableCell:
                going = body(block.text, block.line, section)
            case .code, .html, .heading:
                break
            default:
                for child in block.children where going { visit(child, in: section) }
            }
        }
        outline.forEach { section in
            for block in section.blocks where going { visit(block, in: section) }
        }
    }

    static func isOnlyLink(_ paragraph: MarkdownBlock) -> Bool {
        let parts = paragraph.inlines.filter {
            if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }
            return $0 != .softBreak && $0 != .lineBreak
        }
        guard parts.count == 1, case .link = parts[0] else { return false }
        return true
    }

    /// `Owner: search · Escalation: #search-oncall`: a line of fields side by side, each its own text.
    private static func sideBySideFields(_ text: String) -> [LabeledText]? {
        guard text.has(" · ") || text.has(" | ") || text.has(" • "),
            let field = LabeledText(plain: text)
        else { return nil }
        let parts = ContactExtractor.sameLineFields(field)
        return parts.count > 1 ? parts : nil
    }

    // MARK: Contacts

    /// Chat channels, phone numbers, e-mail addresses and call links named in the text.
    static func contacts(_ outline: Section, known: [Contact]) -> [Contact] {
        var seen = Set(known.map { $0.contact.lowercased() })
        var out: [Contact] = []
        forEachText(outline) { text, line in
            // Most paragraphs name nobody: look for the marks first (one pass over the bytes).
            var marks = (hash: false, plus: false, at: false, colon: false)
            text.withBytes { bytes in
                for byte in bytes {
                    if byte == UInt8(ascii: "#") {
                        marks.hash = true
                    } else if byte == UInt8(ascii: "+") {
                        marks.plus = true
                    } else if byte == UInt8(ascii: "@") {
                        marks.at = true
                    } else if byte == UInt8(ascii: ":") {
                        marks.colon = true
                    }
                }
            }
            if !marks.hash && !marks.plus && !marks.at && !marks.colon { return true }
            for link in marks.colon ? callLinks(in: text) : [] where seen.insert(link.lowercased()).inserted {
                out.append(Contact(name: "bridge", contact: link, role: "phone or bridge", line: line))
            }
            for channel in marks.hash ? channels(in: text) : [] where seen.insert(channel.lowercased()).inserted {
                out.append(Contact(name: channel, contact: channel, role: "chat channel", line: line))
            }
            // A number already in a contact (a rotation table's "Priya (+44 …)") is not told twice.
            for phone in marks.plus ? phones(in: text) : []
            where seen.insert(phone.digits).inserted
                && !known.contains(where: { $0.contact.filter(\.isNumber).contains(phone.digits.dropFirst()) })
            {
                out.append(
                    Contact(
                        name: whoseNumber(phone.before) ?? "phone", contact: phone.shown, role: "phone or bridge",
                        line: line))
            }
            for mail in marks.at ? emails(in: text) : [] where seen.insert(mail.lowercased()).inserted {
                out.append(Contact(name: mail, contact: mail, role: "e-mail", line: line))
            }
            for page in marks.colon ? pagingServices(in: text) : [] where seen.insert(page.name.lowercased()).inserted {
                out.append(Contact(name: page.name, contact: page.name, role: page.tool, line: line))
            }
            return out.count < 40
        }
        return out
    }

    /// Services whose links are calls; any other link counts when its text says it is the bridge.
    static let callHosts = [
        "zoom.us", "meet.google.com", "teams.microsoft.com", "teams.live.com", "webex.com", "whereby.com",
        "meet.jit.si", "chime.aws", "gotomeet", "bluejeans.com"
    ]

    /// `https://meet.example.com/war-room`, a Zoom or Meet link: where the incident call is.
    static func callLinks(in text: String) -> [String] {
        guard text.contains("://") else { return [] }
        let saysBridge = text.lowercased().containsWord(["bridge", "war room", "call", "conference", "meeting"])
        return text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" })
            .map { $0.trimmingTrailing(".,;:") }
            .filter { word in
                guard word.hasPrefix("https://") || word.hasPrefix("http://") else { return false }
                let host = word.drop(while: { $0 != "/" }).dropFirst(2).prefix(while: { $0 != "/" && $0 != "?" })
                    .lowercased()
                return callHosts.contains { host == $0 || host.hasSuffix("." + $0) || host.hasPrefix($0) }
                    || host.hasPrefix("meet.") || (saysBridge && host.hasPrefix("bridge."))
                    || (saysBridge && word.lowercased().contains("war-room"))
            }
    }

    /// `#incident-chat`: a `#` at a word start followed by a channel name with a letter in it
    /// (not `#123`, not a colour like `#fff`).
    static func channels(in text: String) -> [String] {
        var out: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == "#", i + 1 < chars.count else { continue }
            if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber || "/&#".contains(chars[i - 1]) { continue }
            var j = i + 1
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" {
                j += 1
            }
            let name = String(chars[(i + 1)..<j]).trimmingTrailing("-_")
            // `#sec-inc-<date>`, `#inc-{{id}}`: a channel made per incident, not one to join.
            if j < chars.count, chars[j] == "<" || chars[j] == "{" || chars[j] == "$" || chars[j] == "[" {
                i = j
                continue
            }
            guard name.count >= 3, name.contains(where: \.isLetter), name == name.lowercased(),
                !(name.count <= 8 && name.allSatisfy(\.isHexDigit))
            else { continue }
            out.append("#" + name)
            i = j - 1
        }
        return out
    }

    /// `+1 555 244 3473`, `+44 (20) 7946 0958`: each `+` and 8 to 15 digits, as its digits
    /// (`+14155550134`), as written (with a PIN after it), and the text before it on its line.
    static func phones(in text: String) -> [(digits: String, shown: String, before: String)] {
        var out: [(digits: String, shown: String, before: String)] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == "+", i + 1 < chars.count, chars[i + 1].isNumber else { continue }
            var j = i + 1
            var digits = ""
            while j < chars.count, chars[j].isNumber || " ()-.".contains(chars[j]) {
                if chars[j].isNumber { digits.append(chars[j]) }
                j += 1
            }
            if digits.count >= 8 && digits.count <= 15 {
                var shown = String(chars[i..<j]).trimmingTrailing(" (-.")
                if shown.hasSuffix(")"), !shown.contains("(") { shown = shown.trimmingTrailing(")").trimmed }
                let lineStart = chars[..<i].lastIndex(of: "\n").map { $0 + 1 } ?? 0
                let pin = accessCode(after: chars[(i + shown.count)...])
                out.append(("+" + digits, shown + (pin.map { " " + $0 } ?? ""), String(chars[lineStart..<i])))
            }
            i = j
        }
        return out
    }

    /// `(PIN 4242)`, `/ PIN: 123456`, `ext. 12`: what is dialled after the number, kept with it.
    static func accessCode(after rest: ArraySlice<Character>) -> String? {
        let text = String(rest.prefix(40))
        let lower = text.lowercased()
        let start = lower.firstIndex { !" ,/()".contains($0) } ?? lower.endIndex
        let word = ["pin", "passcode", "access code", "code", "ext", "extension"].first {
            lower[start...].hasPrefix($0)
        }
        guard let word else { return nil }
        var end = lower.index(start, offsetBy: word.count)
        while end < lower.endIndex, " .:#".contains(lower[end]) { end = lower.index(after: end) }
        let digitsStart = end
        while end < lower.endIndex, lower[end].isNumber { end = lower.index(after: end) }
        guard end > digitsStart else { return nil }
        let code = text[start..<end].trimmed
        return text[..<start].contains("(") ? "(\(code))" : code
    }

    /// Whose number it is, from the text before it: "Head of Data Platform, Marta Silva - 30 min,
    /// phone" → "Head of Data Platform, Marta Silva"; nil when nothing names anyone.
    static func whoseNumber(_ before: String) -> String? {
        var words = before.split(separator: " ").map(String.init)
        let labels = ["phone", "tel", "telephone", "mobile", "cell", "call", "on", "at", "or", "via", "number"]
        while let last = words.last?.trimmingTrailing(":,;-–—(").lowercased(),
            last.isEmpty || labels.contains(last)
        {
            words.removeLast()
        }
        var who = words.joined(separator: " ").trimmingTrailing(" :,;-–—(")
        // "Marta Silva - 30 min": a delay after the name is the escalation's, not the name's.
        for dash in [" - ", " – ", " — "] {
            if let cut = who.lastRange(of: dash),
                DurationParser.seconds(in: String(who[cut.upperBound...])) != nil
            {
                who = String(who[..<cut.lowerBound])
            }
        }
        who = who.trimmingLeading("-*• ").trimmed
        // "Call the bridge on +1 …": who is called, not the verb.
        if let first = who.split(separator: " ").first,
            ["call", "dial", "ring", "phone", "contact", "reach"].contains(first.lowercased())
        {
            who = String(who.dropFirst(first.count)).trimmed
        }
        // "CISO (Dana Whitfield, +1 …)": the name is inside the bracket the number closes.
        if let open = who.lastIndex(of: "("), !who[open...].contains(")") {
            who = String(who[who.index(after: open)...]).trimmed
        }
        // "If nobody answers in Slack, call the duty manager": the last clause names them.
        if who.count > 40, let cut = who.lastRange(of: ", ") { who = String(who[cut.upperBound...]) }
        guard !who.isEmpty, who.count <= 60, who.first?.isLetter == true else { return nil }
        return CommandCollector.shortTitle(who)
    }

    /// "(PagerDuty: `platform-primary`)": a paging service named in a sentence.
    static func pagingServices(in text: String) -> [(tool: String, name: String)] {
        guard text.hasLowercased("pagerduty") || text.hasLowercased("opsgenie") || text.hasLowercased("victorops")
        else { return [] }
        let scalars = Array(text.unicodeScalars)
        var found: [(at: Int, tool: String, name: String)] = []
        for (word, tool) in pagingTools {
            let letters = Array(word.unicodeScalars)
            var i = 0
            while i + letters.count <= scalars.count {
                defer { i += 1 }
                guard (0..<letters.count).allSatisfy({ lowerASCII(scalars[i + $0]) == letters[$0] }),
                    i == 0 || !isWordScalar(scalars[i - 1])
                else { continue }
                var j = i + letters.count
                while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
                guard j < scalars.count, scalars[j] == ":" else { continue }
                j += 1
                while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
                if j < scalars.count, "`\"'".unicodeScalars.contains(scalars[j]) { j += 1 }
                guard j < scalars.count, isNameScalar(scalars[j]), scalars[j] != ".", scalars[j] != "_",
                    scalars[j] != "-"
                else { continue }
                let nameStart = j
                while j < scalars.count, isNameScalar(scalars[j]) { j += 1 }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[nameStart..<j])
                found.append((i, tool, String(name)))
            }
        }
        return found.sorted { $0.at < $1.at }.map { ($0.tool, $0.name) }
    }

    private static let pagingTools = [("pagerduty", "PagerDuty"), ("opsgenie", "Opsgenie"), ("victorops", "VictorOps")]

    private static func lowerASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 0x20)! : scalar
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A paging service's name: ASCII letters, digits, `.`, `_` and `-`.
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
    }

    static func emails(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" || $0 == "," })
            .map { $0.trimmingTrailing(".;:") }
            .filter { word in
                guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
                let domain = word[word.index(after: at)...]
                return domain.contains(".") && !domain.hasPrefix(".") && !word.contains("/") && !word.contains(":")
                    && word.first?.isLetter == true
            }
    }

    // MARK: Escalation

    /// Phrases that say someone is to be brought in.
    static let escalationPhrases = [
        "escalat", "page the ", "page an ", "page a ", "page someone", "page them", "page on-call",
        "page oncall", "paging ", "loop in ", "pull in ", "engage the ", "call the on-call"
    ]

    /// A sentence cut before each "then" that follows a step already bringing someone in
    /// ("page the lead, then the manager after 1 hour"); "if nobody answers, then …" stays whole.
    static func escalationClauses(_ sentence: String) -> [String] {
        var clauses: [String] = []
        var rest = Substring(sentence)
        var searchFrom = rest.startIndex
        while let range = [", then ", "; then ", " and then ", ", and then ", "; "].compactMap({
            rest[searchFrom...].range(of: $0, options: .caseInsensitive)
        }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let head = rest[..<range.lowerBound].trimmed
            guard
                escalationPhrases.contains(where: { head.lowercased().contains($0) })
                    || EscalationSentence.read(String(head)) != nil
            else {
                searchFrom = range.upperBound
                continue
            }
            clauses.append(head)
            rest = rest[range.upperBound...]
            searchFrom = rest.startIndex
        }
        let last = rest.trimmed
        if !last.isEmpty { clauses.append(last) }
        return clauses
    }

    /// Sentences that bring someone in, in document order, as escalation steps: each names whom
    /// it brings in (`EscalationSentence`), or is the step as written when it names no one. In a
    /// section about escalation ("Escalation", "Who to call"), any verb that brings someone in
    /// makes a step ("Call the team lead"); elsewhere only the words of escalation do.
    /// Labels of a line that lists other pages.
    static let linkListLabels = [
        "related", "see also", "links", "references", "further reading", "more reading", "useful links", "resources"
    ]

    static func escalation(_ outline: Section) -> [EscalationStep] {
        var out: [EscalationStep] = []
        var seen = Set<String>()
        func add(_ who: String, contact: String? = nil, after: String?, line: Int) {
            guard out.count < 8, seen.insert(who.lowercased()).inserted else { return }
            out.append(EscalationStep(level: out.count + 1, who: who, after: after, contact: contact, line: line))
        }
        forEachText(
            outline, skippingLinks: true,
            withSection: { text, line, section in
                let aboutEscalation = namesEscalation(section.title)
                let lower = text.lowercased()
                guard aboutEscalation || escalationPhrases.contains(where: { lower.contains($0) }) else { return true }
                // "Related pages: …, Finance escalation matrix": titles of other pages, no step; nor
                // a page's footer ("Maintained by … · escalate questions to @team").
                if linkListLabels.contains(where: { lower.trimmingLeading("_*").hasPrefix($0) })
                    || linkListLabels.contains(where: { section.title.lowercased().hasPrefix($0) })
                    || ["maintained by", "owned by", "last reviewed", "page owner"].contains(where: {
                        lower.trimmingLeading("_*").hasPrefix($0)
                    }) || lower.contains("questions to") || lower.contains("questions?")
                {
                    return true
                }
                for sentence in text.components(separatedBy: ". ") where out.count < 8 {
                    let lower = sentence.lowercased()
                    guard
                        escalationPhrases.contains(where: { lower.contains($0) })
                            || (aboutEscalation && EscalationSentence.read(sentence) != nil)
                    else { continue }
                    // "Security incidents skip this chain — page the security on-call": an exception, no step.
                    if ["skip this", "skips this", "skip the chain", "bypass", "straight to", "the exception"].contains(
                        where: lower.contains)
                    {
                        continue
                    }
                    // "page the lead, then the manager after 1 hour": a step per clause, each with its delay.
                    for (index, clause) in escalationClauses(sentence).enumerated() {
                        let after = EscalationExtractor.timing(in: clause)
                        // "If the primary does not answer in 10 minutes, page …": the primary comes first.
                        if out.isEmpty, index == 0, let first = EscalationSentence.unanswered(clause) {
                            add(first, after: nil, line: line)
                        }
                        if let reading = EscalationSentence.read(clause)
                            ?? (index > 0 ? EscalationSentence.object(of: clause) : nil)
                        {
                            add(reading.who, contact: reading.contact, after: after, line: line)
                        } else {
                            add(CommandCollector.shortTitle(clause.trimmingTrailing(".")), after: after, line: line)
                        }
                    }
                }
                return out.count < 8
            })
        return out
    }

    /// "Escalation", "Who to call", "Paging": a section title about bringing people in.
    static func namesEscalation(_ title: String) -> Bool {
        let lower = title.lowercased()
        return ["escalat", "who to call", "who to page", "who to contact", "paging", "on-call", "oncall", "on call"]
            .contains { lower.contains($0) }
    }
}
