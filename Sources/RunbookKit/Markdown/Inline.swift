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

extension Array where Element == Inline {
    /// The words a person reads, code spans included, breaks as spaces, white space folded.
    public var plainText: String {
        var out = ""
        appendPlain(to: &out)
        return out.collapsingWhitespace
    }

    func appendPlain(to out: inout String) {
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .strong(let c), .emphasis(let c), .link(let c, _): c.appendPlain(to: &out)
            case .html: break
            case .softBreak, .lineBreak: out += " "
            }
        }
    }

    /// The code spans, in order (`kubectl top pods` in "Check memory: `kubectl top pods`").
    public var codeSpans: [String] {
        var out: [String] = []
        for inline in self {
            switch inline {
            case .code(let s): out.append(s)
            case .strong(let c), .emphasis(let c), .link(let c, _): out += c.codeSpans
            default: break
            }
        }
        return out
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
