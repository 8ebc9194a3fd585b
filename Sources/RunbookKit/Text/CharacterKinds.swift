extension Character {
    /// `isLetter`, answered from the byte for an ASCII character: Unicode's property tables are
    /// asked only of others. Word splits ask it of every character of every list item.
    @inline(__always) var isLetterQuickly: Bool {
        if let byte = asciiValue { return (byte | 0x20) &- 0x61 < 26 }
        return isLetter
    }

    /// `isLetter || isNumber`, answered from the byte for an ASCII character (see `isLetterQuickly`).
    @inline(__always) var isLetterOrNumber: Bool {
        if let byte = asciiValue { return asciiLetterOrDigit(byte) }
        return isLetter || isNumber
    }
}

/// A-Z, a-z or 0-9.
@inline(__always) func asciiLetterOrDigit(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 }

extension String {
    /// The first `limit` runs of letters and numbers (at most), as `split` on everything else
    /// gives them, without reading on past the last one wanted.
    func leadingWords(upTo limit: Int) -> [String] {
        var words: [String] = []
        var current = ""
        for character in self {
            if character.isLetterOrNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == limit { return words }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// A set of bytes in four words, tested without hashing.
struct ByteSet {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    var isEmpty: Bool { bits == (0, 0, 0, 0) }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}
