/// Walks Python text (string literals with any prefix and single or triple quotes, `#`
/// comments) and reports each placeholder occurrence with its context.
struct PythonOccurrenceScanner {
    let forms: PlaceholderForms
    var bytes: [UInt8] { forms.bytes }
    var found: [PlaceholderOccurrence] = []

    init(forms: PlaceholderForms) { self.forms = forms }

    static let prefixLetters: Set<UInt8> = Set("rRbBuUfF".utf8)

    mutating func record(_ m: PlaceholderForms.Match, at i: Int, _ context: QuotingContext) {
        found.append(forms.occurrence(m, at: i, context))
    }

    mutating func run() -> [PlaceholderOccurrence] {
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if let (prefix, quote, bodyStart) = stringStart(at: i) {
                i = string(from: bodyStart, quote: quote, prefix: prefix)
                continue
            }
            if c == UInt8(ascii: "#") {
                while i < n && bytes[i] != UInt8(ascii: "\n") {
                    if let m = forms.match(at: i, dollar: false) {
                        record(m, at: i, .comment); i = m.end
                    } else {
                        i += 1
                    }
                }
                continue
            }
            if let m = forms.match(at: i, dollar: false) { record(m, at: i, .unquoted); i = m.end; continue }
            if PlaceholderForms.isIdent(c) { // skip the rest of a name, so `r` in `bar'` is not a prefix
                while i < n && PlaceholderForms.isIdent(bytes[i]) { i += 1 }
                continue
            }
            i += 1
        }
        return found
    }

    /// At a string literal: its prefix (lower-cased), quote and where its body starts.
    func stringStart(at i: Int) -> (String, [UInt8], Int)? {
        let n = bytes.count
        if i > 0 && PlaceholderForms.isIdent(bytes[i - 1]) { return nil }
        var j = i
        while j < n && j - i < 3 && Self.prefixLetters.contains(bytes[j]) { j += 1 }
        guard j < n, bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: "\"") else { return nil }
        let q = bytes[j]
        let prefix = String(decoding: bytes[i..<j], as: UTF8.self).lowercased()
        if j + 2 < n && bytes[j + 1] == q && bytes[j + 2] == q { return (prefix, [q, q, q], j + 3) }
        return (prefix, [q], j + 1)
    }

    mutating func string(from start: Int, quote: [UInt8], prefix: String) -> Int {
        let n = bytes.count
        let raw = prefix.contains("r")
        let context = QuotingContext.pythonString(quote: String(decoding: quote, as: UTF8.self), prefix: prefix)
        let formatted = prefix.contains("f")
        /// Depth of `{…}` replacement fields of an f-string: code, not text.
        var fieldDepth = 0
        var i = start
        while i < n {
            let c = bytes[i]
            let next = i + 1 < n ? bytes[i + 1] : 0
            if c == UInt8(ascii: "\\") { i += 2; continue } // also in raw strings: `\'` does not close
            if c == quote[0], i + quote.count <= n, Array(bytes[i..<(i + quote.count)]) == quote {
                return i + quote.count
            }
            if quote.count == 1 && c == UInt8(ascii: "\n") && !raw { return i + 1 }
            if formatted && c == UInt8(ascii: "{") {
                if fieldDepth == 0 && next == c { i += 2; continue } // `{{` is a brace
                fieldDepth += 1; i += 1; continue
            }
            if formatted && c == UInt8(ascii: "}") {
                if fieldDepth == 0 && next == c { i += 2; continue }
                fieldDepth = max(0, fieldDepth - 1); i += 1; continue
            }
            if let m = forms.match(at: i, dollar: false) {
                record(m, at: i, fieldDepth > 0 ? .formatField : context)
                i = m.end
                continue
            }
            i += 1
        }
        return n
    }
}
