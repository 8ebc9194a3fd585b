import Testing
@testable import RunbookKit

/// The byte-level trims, line split and whitespace folding must give exactly what the plain
/// `Character`/scalar walks give, on inputs where bytes and characters differ (CR LF, combining
/// marks after a trimmed character, Unicode spaces, emoji).
@Suite struct ByteTrimTests {
    static let samples: [String] = [
        "", " ", "\n", "\r\n", " \t\r\n ", "plain", "  padded  ", "\u{00A0}nbsp\u{00A0}", " \u{2003}em space\u{3000} ",
        "tail:\r\n", "\r\nhead", ":\u{301}accent", "accent:\u{301}", " \u{301}x", "x \u{301}", "— dash —",
        "–:- mixed -:–",
        "**Label**:", "café ", " é", "🚨 alert 🚨", "a\u{0600} ", " \u{0600}1", "x\n\n", "\n\ny", "a\rb\r\n",
        "\u{85}next\u{85}",
        "(  value )", "..end.", "# 1. Run migrations:", " \u{200D} ", "1️⃣ step", "step 1️⃣", "a  b\tc\n\nd",
        "x\u{2028}y "
    ]
    static let characterSets = [" :-–—", "\n ", ":", ".;,", "*_#`[( ", ":= -#", "-*• "]

    /// Every sample, and the sample without its first and last character (a `Substring` whose
    /// bounds are inside a larger string).
    static var texts: [Substring] {
        samples.flatMap { s -> [Substring] in
            s.count >= 2 ? [s[...], s.dropFirst().dropLast()] : [s[...]]
        }
    }

    // The walks the byte versions replace, character by character.
    static func referenceTrimmed(_ s: Substring) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    static func referenceLeading(_ s: Substring, _ characters: String) -> String {
        let set = Set(characters)
        return String(s.drop { set.contains($0) || $0.isWhitespace })
    }

    static func referenceTrailing(_ s: Substring, _ characters: String) -> String {
        let set = Set(characters)
        var t = s
        while let last = t.last, set.contains(last) || last.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    @Test func trimmedMatchesTheScalarWalk() {
        for text in Self.texts {
            #expect(text.trimmed == Self.referenceTrimmed(text), "\(Array(text.unicodeScalars))")
            #expect(String(text).trimmed == Self.referenceTrimmed(text))
        }
    }

    @Test func trimmingLeadingAndTrailingMatchTheCharacterWalk() {
        for text in Self.texts {
            for characters in Self.characterSets {
                #expect(
                    text.trimmingLeading(characters) == Self.referenceLeading(text, characters),
                    "\(Array(text.unicodeScalars)) \(characters)")
                #expect(
                    text.trimmingTrailing(characters) == Self.referenceTrailing(text, characters),
                    "\(Array(text.unicodeScalars)) \(characters)")
                #expect(String(text).trimmingTrailing(characters) == Self.referenceTrailing(text, characters))
            }
        }
    }

    @Test func linesMatchTheCharacterSplit() {
        for text in Self.samples + Self.samples.map({ $0 + "\n" + $0 }) {
            #expect(
                text.lines.map(String.init)
                    == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    @Test func collapsingWhitespaceFoldsEveryWhiteSpaceRun() {
        let spaces: Set<UInt32> = [0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            (s.value >= 9 && s.value <= 13) || s == " " || spaces.contains(s.value)
                || (0x2000...0x200A).contains(s.value)
        }
        for text in Self.samples + ["already clean", "two  spaces", " lead", "trail "] {
            let words = text.unicodeScalars.split(whereSeparator: isSpace).map { String(String.UnicodeScalarView($0)) }
            #expect(text.collapsingWhitespace == words.joined(separator: " "), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func dedentingMatchesTheLineWalk() {
        func reference(_ code: String) -> String {
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            let depth =
                lines.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            guard depth > 0 else { return code }
            return lines.map { $0.dropFirst(min(depth, $0.prefix { $0 == " " }.count)) }.joined(separator: "\n")
        }
        let blocks = [
            "", " ", "kubectl get pods", "  a\n    b\n  c", "   a\n \n   b", "  é ü\n   ✓ done", "\n  x\n\n  y\n",
            "  a\n\tb", " \n  \n", "    deep\n  shallow  \n      deeper", "x\n  y"
        ]
        for code in blocks + Self.samples {
            #expect(CommandCollector.dedented(code) == reference(code), "\(Array(code.unicodeScalars))")
        }
    }
}
