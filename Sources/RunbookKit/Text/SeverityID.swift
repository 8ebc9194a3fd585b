import Foundation

/// Recognises severity ids however they are written (SEV1, SEV-1, Sev 1, P0, Priority 1,
/// Critical/High/Medium/Low) and normalises them (RUNBOOK-FORMATS.md §1).
public enum SeverityID {
    public struct Match: Sendable, Equatable {
        public var id: String
        public var rank: Int
        /// What follows the id ("Critical", "API Completely Down"), trimmed of punctuation.
        public var rest: String
        /// The level's name when the id is a word (`Critical`) or `rest` is one.
        public var name: String?
    }

    /// Level words and their usual rank when a runbook uses words only.
    static let levelWords: [String: Int] = [
        "emergency": 0, "blocker": 0, "critical": 1, "urgent": 1, "highest": 1, "major": 2, "high": 2,
        "medium": 3, "moderate": 3, "normal": 3, "minor": 4, "low": 4, "warning": 4, "informational": 5,
        "info": 5, "cosmetic": 5, "trivial": 5, "lowest": 5
    ]

    /// A severity id at the start of `text` (after bold markers, `#`, emoji and spaces).
    public static func leading(_ text: String) -> Match? {
        guard mayStartWithLevel(text) else { return nil }
        // An id is in the first few words; long paragraphs are cut before any Unicode work.
        let head =
            text.unicodeScalars.count > 120 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(120))) : text
        let clean = head.withoutSymbols.trimmingLeading("*_#`[( ")
        let chars = Array(clean)
        guard !chars.isEmpty else { return nil }
        var i = 0
        var prefix = ""
        while i < chars.count, chars[i].isLetter { prefix.append(chars[i]); i += 1 }
        let lowerPrefix = prefix.lowercased()
        var digitsStart = i
        if ["sev", "severity", "priority"].contains(lowerPrefix) {
            while digitsStart < chars.count, " -_.:#".contains(chars[digitsStart]) { digitsStart += 1 }
        } else if lowerPrefix == "s", i < chars.count, chars[i].isASCII, chars[i].isNumber {
            // `S1 — Critical`: an id as short as S1 only with a level's name after it (never "S3 bucket").
            return shortLevel(chars, digitsAt: i)
        } else if lowerPrefix != "p" {
            return wordLevel(prefix: prefix, after: String(chars[i...]))
        }
        var digitsEnd = digitsStart
        while digitsEnd < chars.count, chars[digitsEnd].isASCII, chars[digitsEnd].isNumber { digitsEnd += 1 }
        guard digitsEnd > digitsStart, digitsEnd - digitsStart <= 2,
            digitsEnd == chars.count || !chars[digitsEnd].isLetter,
            let number = Int(String(chars[digitsStart..<digitsEnd]))
        else { return nil }
        // P50, P95, P99 are percentiles ("p95 latency > 750ms"): priorities run P0 to P9.
        if lowerPrefix == "p", number > 9 { return nil }
        let id = (lowerPrefix == "p" || lowerPrefix == "priority" ? "P" : "SEV") + String(number)
        let rest = cleanRest(String(chars[digitsEnd...]))
        let name = levelName(in: rest)
        return Match(id: id, rank: number, rest: rest, name: name)
    }

    private static func shortLevel(_ chars: [Character], digitsAt start: Int) -> Match? {
        guard start + 1 <= chars.count, let number = chars[start].wholeNumberValue, number <= 5,
            start + 1 == chars.count || !(chars[start + 1].isLetter || chars[start + 1].isNumber)
        else { return nil }
        let rest = cleanRest(String(chars[(start + 1)...]))
        guard let name = levelName(in: rest) else { return nil }
        return Match(id: "SEV\(number)", rank: number, rest: rest, name: name)
    }

    /// Cheap rejection before any Unicode work: the first word (after markup and emoji) must
    /// start like `sev…`, `p<digit>`, `priority` or a level word.
    static func mayStartWithLevel(_ text: String) -> Bool {
        var word: [UInt8] = []
        for byte in text.utf8.prefix(64) {
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A || (byte >= 0x30 && byte <= 0x39 && !word.isEmpty) {
                word.append(byte >= 0x30 && byte <= 0x39 ? byte : lower)
                if word.count >= 3 { break }
            } else if !word.isEmpty {
                break
            }
            // Markup, spaces, emoji bytes and punctuation before the word are skipped.
        }
        guard let first = word.first else { return false }
        if first == UInt8(ascii: "p") {
            return word.count == 1 || word[1] >= 0x30 && word[1] <= 0x39 || word[1] == UInt8(ascii: "r")
        }
        let prefix = String(decoding: word, as: UTF8.self)
        if first == UInt8(ascii: "s"), word.count > 1, word[1] >= 0x30 && word[1] <= 0x39 { return true }
        return prefix.hasPrefix("sev") || levelWordPrefixes.contains(prefix)
            || levelWordPrefixes.contains(String(prefix.prefix(2)))
    }

    static let levelWordPrefixes: Set<String> = Set(
        levelWords.keys.flatMap { [String($0.prefix(3)), String($0.prefix(2))] })

    /// "Critical", "High - ...": a level written as a word only.
    private static func wordLevel(prefix: String, after: String) -> Match? {
        guard let rank = levelWords[prefix.lowercased()] else { return nil }
        let name = prefix.prefix(1).uppercased() + prefix.dropFirst().lowercased()
        return Match(id: prefix.uppercased(), rank: rank, rest: cleanRest(after), name: name)
    }

    /// `(Critical)`, `: Critical`, `- Critical 🚨` → `Critical`.
    static func cleanRest(_ text: String) -> String {
        var s = text.withoutSymbols.replacingIfPresent("**", with: "").trimmingLeading("*_:-–—.) ")
            .trimmingTrailing("*_:-–—. ")
        if s.hasPrefix("("), let close = s.firstIndex(of: ")") {
            let inner = s[s.index(after: s.startIndex)..<close]
            let after = s[s.index(after: close)...].trimmingLeading(" :-–—")
            s = after.isEmpty ? String(inner) : String(inner) + ": " + after
        }
        // A closing parenthesis is dropped only when it has no opening one.
        if s.hasSuffix(")"), s.filter({ $0 == "(" }).count < s.filter({ $0 == ")" }).count { s.removeLast() }
        return s.trimmed
    }

    /// The level name in what follows an id: "Critical" in "Critical" or "Critical: Complete outage".
    static func levelName(in rest: String) -> String? {
        let firstWord = rest.prefix { $0.isLetter }
        guard !firstWord.isEmpty, levelWords[firstWord.lowercased()] != nil else { return nil }
        let afterWord = rest.dropFirst(firstWord.count).trimmingLeading(" ")
        // "Critical" alone or followed by a separator; not "Critical path latency".
        guard afterWord.isEmpty || afterWord.first.map({ ":-–—(,".contains($0) }) == true else { return nil }
        return String(firstWord)
    }
}
