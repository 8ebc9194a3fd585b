import Foundation

extension String {
    var unicodeScalarSet: CharacterSet { CharacterSet(charactersIn: self) }

    /// Runs of white space (newlines included) become one space; ends are trimmed.
    public var collapsingWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for ch in self {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }


    /// Lower-cased, for keyword tests.
    var folded: String { lowercased() }

    /// Whether any of `words` occurs in the lower-cased text as a whole word or word prefix.
    func containsWord(_ words: [String]) -> Bool {
        let lower = lowercased()
        for word in words {
            var searchRange = lower.startIndex..<lower.endIndex
            while let r = lower.range(of: word, range: searchRange) {
                let beforeOK = r.lowerBound == lower.startIndex || !lower[lower.index(before: r.lowerBound)].isLetter
                if beforeOK { return true }
                searchRange = r.upperBound..<lower.endIndex
            }
        }
        return false
    }

    /// Text with emoji, pictographs and variation selectors removed ("🚨 Incident Response" →
    /// "Incident Response"), for matching headings by their words.
    public var withoutSymbols: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { scalar in
            !(scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value >= 0x2000)
              || scalar.value == 0xFE0F || scalar.value == 0x200D || scalar.value == 0x20E3)
        })).collapsingWhitespace
    }

    /// Splits into lines on LF, keeping empty lines.
    var lines: [Substring] { split(separator: "\n", omittingEmptySubsequences: false) }
}

extension StringProtocol {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    func trimmingLeading(_ characters: String) -> String {
        let set = Set(characters)
        return String(drop { set.contains($0) || $0.isWhitespace })
    }

    func trimmingTrailing(_ characters: String) -> String {
        let set = Set(characters)
        var s = self[...]
        while let last = s.last, set.contains(last) || last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
