/// Inline content of a paragraph, heading or table cell, kept just rich enough for the
/// extractors: bold labels, code spans and links matter, other styling does not.
public enum Inline: Sendable, Equatable, Hashable {
    case text(String)
    case code(String)
    case strong([Inline])
    case emphasis([Inline])
    case link(text: [Inline], url: String)
    case html(String)
    case softBreak
    case lineBreak
}

extension Inline {
    /// Tags of HTML a runbook may really use inline; any other `<name>` is a blank to fill.
    static let htmlTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "blink", "br", "button", "center", "cite", "code", "del", "details",
        "dfn", "div", "em", "font", "i", "img", "input", "ins", "kbd", "label", "mark", "nobr", "p", "q", "s",
        "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "time", "tt", "u", "var", "wbr",
        "hr", "li", "ul", "ol", "table", "tr", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "video"
    ]

    /// `<previous-version>` written in prose: cmark reads it as an HTML tag, a person as a placeholder,
    /// so its text is kept. A real tag (`<br>`, `<kbd>`), a closing tag or one with attributes is not.
    /// `<br>`, `<br/>`, `<br />`.
    static func isLineBreakTag(_ tag: String) -> Bool {
        let compact = tag.lowercased().filter { $0 != " " }
        return compact == "<br>" || compact == "<br/>"
    }

    static func isPlaceholder(_ html: String) -> Bool {
        guard html.count > 2, html.first == "<", html.last == ">" else { return false }
        let name = html.dropFirst().dropLast()
        guard let first = name.first, first.isLetter, first.isASCII,
            name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" })
        else { return false }
        return !htmlTags.contains(name.lowercased())
    }
}

extension Array where Element == Inline {
    /// The words a person reads, code spans included, breaks as spaces, white space folded.
    public var plainText: String {
        var out = ""
        appendPlain(to: &out)
        return out.collapsingWhitespace
    }

    func appendPlain(to out: inout String) {
        for (index, inline) in enumerated() {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .strong(let c), .emphasis(let c), .link(let c, _): c.appendPlain(to: &out)
            case .html(let tag):
                if Inline.isLineBreakTag(tag) {
                    // `a@b.com<br>+1 415 …` in a table cell: two things, kept apart.
                    if !out.isEmpty { out += "; " }
                } else if Inline.isPlaceholder(tag), !gluedToWords(index) {
                    out += tag
                }
            case .softBreak, .lineBreak: out += " "
            }
        }
    }

    /// A tag inside a word or closed at once (`incident.<unlink></unlink>io`) is markup for the
    /// page's renderer, not a blank in the sentence.
    private func gluedToWords(_ index: Int) -> Bool {
        if index > startIndex, case .text(let before) = self[index - 1],
            let last = before.last, last.isLetter || last.isNumber || last == "."
        {
            return true
        }
        guard index + 1 < endIndex else { return false }
        switch self[index + 1] {
        case .text(let after): return after.first.map { $0.isLetter || $0.isNumber } ?? false
        case .html(let next): return next.hasPrefix("</")
        default: return false
        }
    }

    /// The code spans, in order (`kubectl top pods` in "Check memory: `kubectl top pods`").
    public var codeSpans: [String] {
        var out: [String] = []
        forEachCodeSpan { span, _ in out.append(span) }
        return out
    }

    /// Each code span with how many line breaks of the paragraph come before it: the span's line
    /// is the paragraph's first line plus that.
    public var codeSpansWithLineOffsets: [(span: String, lineOffset: Int)] {
        var out: [(span: String, lineOffset: Int)] = []
        forEachCodeSpan { out.append(($0, $1)) }
        return out
    }

    /// Whether a code span is among the inlines, nested ones too (`codeSpans` without copying them).
    var holdsCodeSpan: Bool {
        contains { inline in
            switch inline {
            case .code: true
            case .strong(let c), .emphasis(let c), .link(let c, _): c.holdsCodeSpan
            default: false
            }
        }
    }

    /// Calls `body` with each code span, nested ones too, and the line breaks before it.
    func forEachCodeSpan(_ body: (_ span: String, _ lineOffset: Int) -> Void) {
        var breaks = 0
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .code(let s): body(s, breaks)
                case .softBreak, .lineBreak: breaks += 1
                case .strong(let c), .emphasis(let c), .link(let c, _): walk(c)
                default: break
                }
            }
        }
        walk(self)
    }

    /// A bold run at the very start ("**Response Time**: 15 minutes" → label "Response Time",
    /// rest "15 minutes"). Separators `:`, `-`, `–`, `—` between label and rest are dropped,
    /// also when the colon sits inside the bold ("**Immediate:** ...").
    public var leadingStrong: (label: String, rest: String)? {
        var index = startIndex
        while index < endIndex, case .text(let s) = self[index], s.allSatisfy(\.isWhitespace) { index += 1 }
        guard index < endIndex, case .strong(let inner) = self[index] else { return nil }
        var label = inner.plainText
        let rest = Array(self[(index + 1)...]).plainText
        label = label.trimmingLeading(" :-–—").trimmingTrailing(" :-–—")
        let trimmedRest = rest.trimmingLeading(" :-–—")
        guard !label.isEmpty else { return nil }
        return (label, trimmedRest)
    }
}
