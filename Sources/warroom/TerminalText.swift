/// Text from the record (notes, titles, command output, runbook text anyone could have written)
/// made safe to print on a terminal: escape sequences (CSI, OSC, others) and control characters
/// other than newline and tab are dropped, so a note cannot retitle the window, move the cursor,
/// hide lines or write to the clipboard of whoever reads the timeline.
enum TerminalText {
    /// `clean`, on one line: a line break in a label value must not forge a table row.
    static func oneLine(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    /// `text` with every control character but newline and tab written out (`\u{1B}`), so a
    /// command about to run is shown as it is: an escape in a value can neither hide a part of it
    /// nor fake another.
    static func visible(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A, 0x09: out.unicodeScalars.append(s)
            case 0..<0x20, 0x7F, 0x80...0x9F: out += "\\u{\(String(s.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s.value {
            case 0x1B: skipEscape(&scalars)
            case 0x9B: skipCSI(&scalars) // C1 CSI
            case 0x9D: skipString(&scalars) // C1 OSC
            case 0x0A, 0x09: out.append(s)
            case 0..<0x20, 0x7F, 0x80...0x9F: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    private static func skipEscape(_ it: inout String.UnicodeScalarView.Iterator) {
        guard let next = it.next() else { return }
        switch next {
        case "[": skipCSI(&it)
        case "]", "P", "X", "^", "_": skipString(&it)
        default:
            // `ESC ( B` and friends: intermediate bytes, then one final byte.
            var s = next
            while (0x20...0x2F).contains(s.value), let n = it.next() { s = n }
        }
    }

    private static func skipCSI(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next(), !(0x40...0x7E).contains(s.value) {}
    }

    /// OSC / DCS / APC strings end at BEL or ESC \.
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) {
        while let s = it.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B { _ = it.next(); return }
        }
    }
}
