/// Where bash evaluates text as arithmetic or as a parameter expansion rather than as words:
/// `$(( ))`, `(( ))`, `$[ ]`, `[[ … ]]` holding a numeric test (`-eq` … `-ge`), and `${…}`.
/// Found in one pass before the occurrence scan, by bracket matching only: a spot found too
/// widely only makes the policy stricter (a number is asked for), never looser.
struct ShellNumericSpots {
    var arithmetic: [Range<Int>] = []
    /// `${…}` bodies (the offset of `$` … past the closing `}`).
    var braces: [Range<Int>] = []

    static let numericTests = [" -eq ", " -ne ", " -lt ", " -le ", " -gt ", " -ge "]

    init(bytes: [UInt8]) {
        let n = bytes.count
        var i = 0
        func at(_ k: Int) -> UInt8 { k >= 0 && k < n ? bytes[k] : 0 }
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "$"), at(i + 1) == UInt8(ascii: "("), at(i + 2) == UInt8(ascii: "(") {
                let end = Self.closing(bytes, from: i + 3, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), depth: 2)
                arithmetic.append(i..<end); i += 3; continue
            }
            if c == UInt8(ascii: "("), at(i + 1) == UInt8(ascii: "("), i == 0 || Self.isSeparator(at(i - 1)) {
                let end = Self.closing(bytes, from: i + 2, open: UInt8(ascii: "("), close: UInt8(ascii: ")"), depth: 2)
                arithmetic.append(i..<end); i += 2; continue
            }
            if c == UInt8(ascii: "$"), at(i + 1) == UInt8(ascii: "[") {
                let end = Self.closing(bytes, from: i + 2, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), depth: 1)
                arithmetic.append(i..<end); i += 2; continue
            }
            if c == UInt8(ascii: "$"), at(i + 1) == UInt8(ascii: "{") {
                let end = Self.closing(bytes, from: i + 2, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), depth: 1)
                braces.append(i..<end); i += 2; continue
            }
            if c == UInt8(ascii: "["), at(i + 1) == UInt8(ascii: "["), i == 0 || Self.isSeparator(at(i - 1)) {
                var end = i + 2
                while end < n, !(bytes[end] == UInt8(ascii: "]") && at(end + 1) == UInt8(ascii: "]")) { end += 1 }
                let body = String(decoding: bytes[i..<min(end, n)], as: UTF8.self)
                if Self.numericTests.contains(where: { body.contains($0) }) { arithmetic.append(i..<min(end + 2, n)) }
                i += 2; continue
            }
            i += 1
        }
    }

    static func isSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: ";")
            || b == UInt8(ascii: "&") || b == UInt8(ascii: "|") || b == UInt8(ascii: "(") || b == UInt8(ascii: "!")
    }

    /// The offset past the bracket that brings `depth` open brackets to zero (the end when none does).
    static func closing(_ bytes: [UInt8], from start: Int, open: UInt8, close: UInt8, depth: Int) -> Int {
        var d = depth
        var i = start
        while i < bytes.count {
            if bytes[i] == open { d += 1 }
            if bytes[i] == close { d -= 1; if d == 0 { return i + 1 } }
            i += 1
        }
        return bytes.count
    }

    func inArithmetic(_ i: Int) -> Bool { arithmetic.contains { $0.contains(i) } }

    /// The innermost `${…}` holding offset `i`.
    /// (A placeholder written `${NAME}` is itself such a body; it starts at `i`, so it is not counted.)
    func brace(holding i: Int) -> Range<Int>? {
        braces.filter { $0.lowerBound < i && $0.contains(i) }.max { $0.lowerBound < $1.lowerBound }
    }

    /// How bash reads an occurrence at `i` inside the `${…}` at `brace`: an array subscript or a
    /// `:offset:length` is arithmetic; a default, pattern or replacement is expanded text.
    static func braceIsArithmetic(_ bytes: [UInt8], brace: Range<Int>, at i: Int) -> Bool {
        var k = brace.lowerBound + 2
        while k < i {
            if bytes[k] == UInt8(ascii: "[") { return true }
            if bytes[k] == UInt8(ascii: ":") {
                let next = k + 1 < bytes.count ? bytes[k + 1] : 0
                if !"-=+?".utf8.contains(next) { return true }
                return false
            }
            if !PlaceholderForms.isIdent(bytes[k]) && bytes[k] != UInt8(ascii: "#") && bytes[k] != UInt8(ascii: "!") {
                return false
            }
            k += 1
        }
        return false
    }
}
