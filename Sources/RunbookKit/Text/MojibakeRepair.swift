/// Repairs UTF-8 text that was decoded as Mac Roman or Windows-1252 somewhere on its way
/// (`üö®` → 🚨, `‚Üí` → →, `ðŸš¨` → 🚨). A run of characters is replaced only when
/// re-encoding it in that charset gives a valid UTF-8 sequence for a plausible character,
/// so text that is already right is never touched.
public enum MojibakeRepair {
    public struct Report: Sendable, Equatable {
        public var repairs: Int = 0
        public var firstLine: Int?
        public var charsets: Set<String> = []
    }

    /// Repairs `text`; `firstLineNumber` is the number of its first line, for the report.
    public static func repair(_ text: String, firstLineNumber: Int = 1) -> (text: String, report: Report) {
        var report = Report()
        // Fast path: pure ASCII text has nothing to repair.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return (text, report) }
        let scalars = Array(text.unicodeScalars)
        // Output is built as UTF-8 bytes: appending slices to a UnicodeScalarView was
        // quadratic in the number of repairs.
        var out: [UInt8] = []
        var copiedUpTo = 0  // scalars before this index are already in `out`
        func copy(_ range: Range<Int>) {
            for scalar in scalars[range] {
                if scalar.isASCII { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
            }
        }
        var line = firstLineNumber
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\n" { line += 1 }
            if scalar.value >= 0x80, let (decoded, used, charset) = decodeSequence(scalars, at: i) {
                if out.isEmpty { out.reserveCapacity(text.utf8.count) }
                copy(copiedUpTo..<i)
                UTF8.encode(decoded) { out.append($0) }
                report.repairs += 1
                report.charsets.insert(charset.rawValue)
                if report.firstLine == nil { report.firstLine = line }
                i += used
                copiedUpTo = i
                continue
            }
            i += 1
        }
        // Text that needed nothing is returned as it was, without a copy.
        guard report.repairs > 0 else { return (text, report) }
        copy(copiedUpTo..<scalars.count)
        return (String(decoding: out, as: UTF8.self), report)
    }

    private static func decodeSequence(_ scalars: [Unicode.Scalar], at start: Int)
        -> (Unicode.Scalar, Int, LegacyCharset)? {
        for charset in LegacyCharset.allCases {
            guard let lead = charset.encode(scalars[start]) else { continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: continue
            }
            guard start + length <= scalars.count else { continue }
            var bytes: [UInt8] = [lead]
            for k in 1..<length {
                guard let b = charset.encode(scalars[start + k]), (0x80...0xBF).contains(b) else { break }
                bytes.append(b)
            }
            guard bytes.count == length, let decoded = decodeUTF8(bytes), isPlausible(decoded, length: length) else {
                continue
            }
            return (decoded, length, charset)
        }
        return nil
    }

    private static func decodeUTF8(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return iterator.next() == nil ? scalar : nil
    }

    /// Two-byte results are limited to Latin-1 letters and signs (`Ã©` → é), the mis-decoding
    /// seen in practice: other two-character pairs occur in correct text (`“é`, `Ä“`) and
    /// would be turned into unrelated characters.
    private static func isPlausible(_ scalar: Unicode.Scalar, length: Int) -> Bool {
        let v = scalar.value
        if v < 0xA0 || (0xD800...0xDFFF).contains(v) || (0xE000...0xF8FF).contains(v) { return false }
        if length == 2 { return v <= 0xFF }
        return true
    }
}
