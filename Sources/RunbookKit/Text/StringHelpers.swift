import Foundation

extension String {
    /// Calls `body` with the text's UTF-8 bytes in place (a copy only for a bridged string).
    /// Loops over these bytes take a few instructions a byte where the same loop over
    /// `utf8` took about thirty: the byte scans below run on every paragraph of a read.
    @inline(__always) func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// Whether every byte is ASCII.
    var isASCIIText: Bool {
        withBytes { bytes in
            guard let base = bytes.baseAddress else { return true }
            // Eight bytes at a time: a byte of 0x80 or more has its high bit set.
            var i = 0
            while i + 8 <= bytes.count {
                if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                i += 8
            }
            while i < bytes.count {
                if base[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }

    /// Whether, for an ASCII needle, lower-casing the text is the same as folding its ASCII
    /// capitals: the bytes of other characters never equal an ASCII byte, lower-cased or not.
    /// Only two characters lower-case into ASCII, KELVIN SIGN (to `k`) and `İ` (to `i` and a dot);
    /// a text holding one is lower-cased the slow way. Titles with a dash or an accent (about one
    /// in five in the seeds) were lower-cased into a copy at each word test.
    var lowercasesByFoldingASCII: Bool {
        if isASCIIText { return true }
        return withBytes { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0xC4, i + 1 < bytes.count, bytes[i + 1] == 0xB0 { return false } // U+0130
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA { return false } // U+212A
                i += 1
            }
            return true
        }
    }

    /// Whether the UTF-8 bytes hold `byte`.
    func holdsByte(_ byte: UInt8) -> Bool {
        withBytes { bytes in
            for b in bytes where b == byte { return true }
            return false
        }
    }

    /// Runs of white space (newlines included) become one space; ends are trimmed.
    /// Works on UTF-8 bytes: it runs on every paragraph of a runbook. Non-ASCII white space
    /// (no-break and typographic spaces, line separators) counts too.
    public var collapsingWhitespace: String {
        if !needsCollapsing { return self }
        var copy = self
        return copy.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var width = 1
                var isSpace = false
                if b < 0x80 {
                    isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                    width = min(width, bytes.count - i)
                    isSpace = Self.isUnicodeSpace(bytes, i, width)
                }
                if isSpace {
                    if !out.isEmpty { pendingSpace = true }
                } else {
                    if pendingSpace {
                        out.append(0x20)
                        pendingSpace = false
                    }
                    for k in 0..<width { out.append(bytes[i + k]) }
                }
                i += width
            }
            // Unchanged text is returned as it was, without a new string.
            return out.elementsEqual(bytes) ? self : String(decoding: out, as: UTF8.self)
        }
    }

    /// False when `collapsingWhitespace` would return the text unchanged for sure: no ASCII
    /// white space but single spaces between other bytes, and no lead byte of a Unicode space
    /// (0xC2, 0xE1, 0xE2, 0xE3). A quick scan: most paragraphs are already clean.
    private var needsCollapsing: Bool {
        withBytes { bytes in
            var previous: UInt8 = 0x20 // a leading space needs collapsing
            for b in bytes {
                if b == 0x20 {
                    if previous == 0x20 { return true }
                } else if (b >= 0x09 && b <= 0x0D) || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) {
                    return true
                }
                previous = b
            }
            return previous == 0x20 // trailing space, or empty text
        }
    }

    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 in UTF-8.
    private static func isUnicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ width: Int) -> Bool {
        switch width {
        case 2: return bytes[i] == 0xC2 && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0)
        case 3:
            let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
            if a == 0xE1 { return b == 0x9A && c == 0x80 }
            if a == 0xE2 && b == 0x80 { return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF }
            if a == 0xE2 && b == 0x81 { return c == 0x9F }
            if a == 0xE3 { return b == 0x80 && c == 0x80 }
            return false
        default: return false
        }
    }

    /// The words of a rule table's text, split at any of the ASCII `separators` on bytes: the
    /// tables are built when a process reads its first command, and splitting characters is slow.
    func asciiWords(separatedBy separators: String = " ") -> [String] {
        let separators = Array(separators.utf8) // one to three bytes: no set to hash
        var text = self
        // A loop over the bytes: `utf8.split` built an array of slices first.
        return text.withUTF8 { bytes in
            var words: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || separators.contains(bytes[end]) {
                if end > start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return words
        }
    }

    /// Whether any character is an ASCII digit, tested on the contiguous bytes: asked of every paragraph.
    var hasASCIIDigit: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains { $0 &- 48 < 10 } } ?? utf8.contains { $0 &- 48 < 10 }
    }

    /// Whether the text contains `needle`, comparing UTF-8 bytes (no Foundation bridging).
    func has(_ needle: String) -> Bool {
        var hay = self
        var pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count else { return false }
                return ByteSearch.firstOffset(of: n, in: h, from: 0) != nil
            }
        }
    }

    /// Whether any of `words` occurs in the lower-cased text as a whole word or word prefix.
    /// The text is compared with its ASCII capitals folded on the fly instead of being
    /// lower-cased into a new string first (see `lowercasesByFoldingASCII`).
    func containsWord(_ words: [String]) -> Bool {
        if lowercasesByFoldingASCII, words.allSatisfy(\.isASCIIText) {
            var text = self
            return text.withUTF8 { Self.containsWord(words, in: $0, fold: true) }
        }
        var lower = lowercased()
        return lower.withUTF8 { Self.containsWord(words, in: $0, fold: false) }
    }

    /// One pass over the text: only where a word starts and its byte begins one of `words` are
    /// the words compared (a paragraph is asked for twenty words at a time).
    private static func containsWord(_ words: [String], in h: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        var firsts = ByteSet()
        for word in words { if let first = word.utf8.first { firsts.insert(first) } }
        guard !firsts.isEmpty else { return false }
        func matches(_ n: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            guard n.count > 0, h.count - i >= n.count else { return false }
            var j = 0
            while j < n.count, lowerByte(h[i + j], fold) == n[j] { j += 1 }
            return j == n.count
        }
        var i = 0
        while i < h.count {
            // A word starts at the beginning or after a byte that is not an ASCII letter.
            if firsts.contains(lowerByte(h[i], fold)), i == 0 || !Self.isASCIILetter(h[i - 1]) {
                for word in words {
                    let found =
                        word.utf8.withContiguousStorageIfAvailable { matches($0, at: i) }
                        ?? Array(word.utf8).withUnsafeBufferPointer { matches($0, at: i) }
                    if found { return true }
                }
            }
            i += 1
        }
        return false
    }

    @inline(__always) private static func lowerByte(_ b: UInt8, _ fold: Bool) -> UInt8 {
        fold && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// `lowercased().has(needle)` without the lower-cased copy (see `lowercasesByFoldingASCII`).
    func hasLowercased(_ needle: String) -> Bool {
        guard lowercasesByFoldingASCII, needle.isASCIIText else { return lowercased().has(needle) }
        var text = self
        var pin = needle
        return text.withUTF8 { h in
            pin.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count else { return false }
                var i = 0
                while i <= h.count - n.count {
                    var j = 0
                    while j < n.count, Self.lowerByte(h[i + j], true) == n[j] { j += 1 }
                    if j == n.count { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// `replacingOccurrences(of:with:)` that leaves Foundation out when `target` is not in the
    /// text (nearly always): the text comes back as it is.
    func replacingIfPresent(_ target: String, with replacement: String) -> String {
        has(target) ? replacingOccurrences(of: target, with: replacement) : self
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Text with emoji, pictographs and variation selectors removed ("🚨 Incident Response" →
    /// "Incident Response"), for matching headings by their words.
    public var withoutSymbols: String {
        if isASCIIText { return collapsingWhitespace }
        return String(
            String.UnicodeScalarView(
                unicodeScalars.filter { scalar in
                    !(scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value >= 0x2000)
                        || scalar.value == 0xFE0F || scalar.value == 0x200D || scalar.value == 0x20E3)
                })
        ).collapsingWhitespace
    }

    /// Splits into lines on LF, keeping empty lines. Without a CR (which joins a following LF
    /// into one character) the split is done on UTF-8 bytes: an LF always stands alone.
    var lines: [Substring] {
        let whole: Substring = self[...]
        let bytes = whole.utf8
        if bytes.contains(0x0D) { return split(separator: "\n", omittingEmptySubsequences: false) }
        var out: [Substring] = []
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                out.append(self[start..<i])
                start = bytes.index(after: i)
            }
            bytes.formIndex(after: &i)
        }
        out.append(self[start..<bytes.endIndex])
        return out
    }
}

extension StringProtocol {
    /// White space and newlines removed from both ends, scalar by scalar (no Foundation).
    /// (`String` and `Substring` take the byte-level versions below.)
    var trimmed: String { scalarTrimmed }

    /// The scalar walk behind `trimmed` (also the byte-level version's fallback).
    var scalarTrimmed: String {
        let scalars = unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s.isASCII
                ? (s == " " || s == "\n" || s == "\t" || s == "\r" || s.value == 0x0B || s.value == 0x0C)
                : s.properties.isWhitespace
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

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

/// The same trims on UTF-8 bytes while the ends are ASCII: they run on every line of every
/// code block and on every label. Results are the generic versions' exactly.
extension String {
    var trimmed: String { self[...].trimmed }
    func trimmingLeading(_ characters: String) -> String { self[...].trimmingLeading(characters) }
    func trimmingTrailing(_ characters: String) -> String { self[...].trimmingTrailing(characters) }
}

extension Substring {
    /// A non-ASCII byte met while trimming hands over to the scalar walk, so Unicode white
    /// space is still removed.
    var trimmed: String {
        if let range = asciiTrimmedRange() { return String(self[range]) }
        return scalarTrimmed
    }

    /// The range `trimmed` keeps when both ends are ASCII, or nil when a non-ASCII byte is met
    /// while trimming. Bounds fall between ASCII bytes, so they are character boundaries.
    private func asciiTrimmedRange() -> Range<String.Index>? {
        let bytes = utf8
        var low = bytes.startIndex
        var high = bytes.endIndex
        while low < high {
            let b = bytes[low]
            if b >= 0x80 { return nil }
            if !asciiWhitespace(b) { break }
            bytes.formIndex(after: &low)
        }
        while high > low {
            let before = bytes.index(before: high)
            let b = bytes[before]
            if b >= 0x80 { return nil }
            if !asciiWhitespace(b) { break }
            high = before
        }
        return low..<high
    }

    /// `characters` is a list of single characters (" :-–—"); white space is always removed.
    /// ASCII characters are compared as bytes; the first non-ASCII one (or an ASCII byte that
    /// a non-ASCII scalar follows, which may extend it) hands over to the `Character` walk.
    func trimmingLeading(_ characters: String) -> String {
        let bytes = utf8
        var low = bytes.startIndex
        let end = bytes.endIndex
        while low < end {
            let b = bytes[low]
            guard b < 0x80 else { break }
            let next = bytes.index(after: low)
            if next < end {
                let n = bytes[next]
                if n >= 0x80 { break }
                if b == 0x0D && n == 0x0A { // "\r\n" is one white-space character
                    low = bytes.index(after: next)
                    continue
                }
            }
            guard asciiWhitespace(b) || characters.utf8.contains(b) else { return String(self[low...]) }
            low = next
        }
        let set = Set(characters)
        return String(self[low...].drop { set.contains($0) || $0.isWhitespace })
    }

    /// Trailing `characters` (single characters) and white space removed; ASCII on bytes as
    /// in `trimmingLeading`.
    func trimmingTrailing(_ characters: String) -> String {
        let bytes = utf8
        let start = bytes.startIndex
        var high = bytes.endIndex
        while high > start {
            let last = bytes.index(before: high)
            let b = bytes[last]
            guard b < 0x80 else { break }
            if last > start {
                let p = bytes[bytes.index(before: last)]
                if p >= 0x80 { break } // the last character may be longer than this byte
            }
            guard asciiWhitespace(b) || characters.utf8.contains(b) else { return String(self[..<high]) }
            high = last // "\r\n" goes byte by byte: both bytes are white space
        }
        let set = Set(characters)
        var s = self[..<high]
        while let last = s.last, set.contains(last) || last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Tab, newline, vertical tab, form feed, carriage return, space: the ASCII `White_Space` scalars.
@inline(__always) func asciiWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

extension Substring {
    /// `String.withBytes` for a slice: the bytes in place, a copy only for a bridged string.
    @inline(__always) func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
