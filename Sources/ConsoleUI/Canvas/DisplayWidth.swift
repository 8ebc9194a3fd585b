/// Terminal column widths of graphemes, self-contained (no `wcwidth`, whose answers for emoji
/// depend on the C library and locale). East Asian Wide/Fullwidth and emoji presentation are 2,
/// combining marks, format characters (ZWJ) and controls are 0, everything else is 1.
/// A grapheme is as wide as its widest rule: an emoji ZWJ sequence, a flag, a keycap or a
/// character followed by VS16 is one 2-column cell.
public enum DisplayWidth {
    /// Columns a grapheme takes: 0, 1 or 2.
    @inlinable
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        return nonASCII(character)
    }

    /// Columns a string takes.
    public static func of<S: StringProtocol>(_ text: S) -> Int { of(String(text)) }

    /// Columns a string takes.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    @usableFromInline
    static func nonASCII(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        guard scalars.count > 1 else { return scalar(first) }
        // Several scalars: an emoji presentation selector, a ZWJ sequence between emoji,
        // a flag (two regional indicators), a skin-tone modifier or a keycap make it wide.
        var emojiBase = first.properties.isEmoji
        for next in scalars.dropFirst() {
            switch next.value {
            case 0xFE0F where emojiBase: return 2 // VS16
            case 0x20E3 where emojiBase: return 2 // keycap
            case 0x200D: continue // ZWJ
            case 0x1F1E6...0x1F1FF where isRegionalIndicator(first): return 2
            case 0x1F3FB...0x1F3FF: return 2 // skin tones
            default:
                if next.properties.isEmojiPresentation { return 2 }
                if next.properties.isEmoji { emojiBase = true }
            }
        }
        return scalar(first)
    }

    /// A 2-column grapheme whose first scalar is 1 column alone (`⚠️` = U+26A0 U+FE0F, `🛠️`, `1️⃣`).
    /// Terminals disagree on these: wcwidth-based ones (ncurses, tmux 3.3, xterm) measure the first
    /// scalar and draw 1 column, others honour VS16 and draw 2. The terminal backend draws them so
    /// that either way the next cell starts where the canvas put it.
    public static func dependsOnTerminal(_ character: Character) -> Bool {
        guard character.asciiValue == nil else { return false }
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.count > 1 else { return false }
        return scalar(first) < 2 && nonASCII(character) == 2
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Width of one scalar on its own.
    public static func scalar(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        // Fast path for CJK text: the wide blocks hold no marks except these.
        if isWide(v) { return (0x302A...0x302F).contains(v) || v == 0x3099 || v == 0x309A ? 0 : 2 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v >= 0x2300, properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x1160...0x11FF).contains(v) || v == 0x200B || (0xD7B0...0xD7FF).contains(v)
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD
    ]

    static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
