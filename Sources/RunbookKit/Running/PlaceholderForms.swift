/// Recognises a written placeholder at a byte offset: `$NAME`, `${NAME}`, `<name>`, or a bare
/// `YOUR_X` / `ALL_CAPS_NAME` / `--flag=VALUE` word, following the rules `Placeholders` finds
/// them by, but only for names already found (so ordinary words are never replaced).
struct PlaceholderForms {
    let bytes: [UInt8]
    let names: Set<String>
    let language: QuotingLanguage

    /// The occurrence a match at byte `start` makes, as written in the text.
    func occurrence(
        _ m: Match, at start: Int, _ context: QuotingContext, backticks: Int = 0,
        reparsedBy: String? = nil, optionPosition: Bool = false
    ) -> PlaceholderOccurrence {
        PlaceholderOccurrence(
            name: m.name, range: start..<m.end, written: String(decoding: bytes[start..<m.end], as: UTF8.self),
            context: context, backticks: backticks, reparsedBy: reparsedBy, optionPosition: optionPosition)
    }

    struct Match {
        var name: String
        var end: Int
    }

    static func isIdentStart(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
    static func isIdent(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 48 && c <= 57) }
    static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }

    func byte(_ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }

    /// `dollar`: `$NAME` forms count here (not in shell single quotes, nor in SQL or Python).
    func match(at i: Int, dollar: Bool) -> Match? {
        guard !names.isEmpty, let c = byte(i) else { return nil }
        if c == UInt8(ascii: "$") { return dollar && language == .shell ? dollarForm(at: i) : nil }
        if c == UInt8(ascii: "<") { return angleForm(at: i) }
        if c == UInt8(ascii: "{"), language != .python, let end = PlaceholderBraces.end(bytes, at: i) {
            let name = text((i + 1)..<(end - 1))
            return names.contains(name) ? Match(name: name, end: end) : nil
        }
        if Self.isIdentStart(c) { return bareForm(at: i) }
        return nil
    }

    private func identEnd(from start: Int) -> Int {
        var j = start
        while let d = byte(j), Self.isIdent(d) { j += 1 }
        return j
    }

    private func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    private func dollarForm(at i: Int) -> Match? {
        if byte(i + 1) == UInt8(ascii: "{") {
            let end = identEnd(from: i + 2)
            guard end > i + 2, byte(end) == UInt8(ascii: "}") else { return nil }
            let name = text((i + 2)..<end)
            return names.contains(name) ? Match(name: name, end: end + 1) : nil
        }
        guard let first = byte(i + 1), Self.isIdentStart(first) else { return nil }
        let end = identEnd(from: i + 1)
        let name = text((i + 1)..<end)
        return names.contains(name) ? Match(name: name, end: end) : nil
    }

    private func angleForm(at i: Int) -> Match? {
        if let before = byte(i - 1), before == UInt8(ascii: "<") || before == UInt8(ascii: "$") { return nil }
        guard let first = byte(i + 1), Self.isIdentStart(first) else { return nil }
        var j = i + 1
        while let d = byte(j),
            Self.isIdent(d) || d == UInt8(ascii: "-") || d == UInt8(ascii: ".") || d == UInt8(ascii: ":")
        {
            j += 1
        }
        guard byte(j) == UInt8(ascii: ">") else { return nil }
        let name = text((i + 1)..<j)
        return names.contains(name) ? Match(name: name, end: j + 1) : nil
    }

    private func bareForm(at i: Int) -> Match? {
        let before = byte(i - 1)
        if let b = before, Self.isIdent(b) || b >= 0x80 { return nil }
        let end = identEnd(from: i)
        let name = text(i..<end)
        guard names.contains(name) else { return nil }
        let after = byte(end)
        if let a = after, a >= 0x80 { return nil }
        if name.hasPrefix("YOUR_") || name.hasPrefix("MY_") { return Match(name: name, end: end) }
        if language == .python { return nil } // Python capitals are constants
        if let b = before,
            b == UInt8(ascii: "$") || b == UInt8(ascii: "{") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "%")
        {
            return nil
        }
        if after == UInt8(ascii: "(") { return nil }
        if after == UInt8(ascii: "=") { return nil } // `NAME=value` assigns, it is not a value
        let utf8 = Array(name.utf8)
        let upperSnake =
            utf8.allSatisfy { Self.isUpper($0) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
            && utf8.contains(95) && utf8.filter(Self.isUpper).count >= 2 && Self.isUpper(utf8[0]) && utf8.last != 95
        if upperSnake { return Match(name: name, end: end) }
        // `--target=VERSION`
        if before == UInt8(ascii: "="), utf8.allSatisfy(Self.isUpper) {
            var j = i - 2
            while let d = byte(j), Self.isIdent(d) || d == UInt8(ascii: "-") { j -= 1 }
            if j + 2 < i, byte(j + 1) == UInt8(ascii: "-") { return Match(name: name, end: end) }
        }
        return nil
    }
}
