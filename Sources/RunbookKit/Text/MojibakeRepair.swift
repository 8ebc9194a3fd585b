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
    /// Walks the scalars in place (an array of them was four bytes per character: 200 MB for a
    /// 50 MB runbook) and copies unchanged stretches as their UTF-8 bytes.
    public static func repair(_ text: String, firstLineNumber: Int = 1) -> (text: String, report: Report) {
        var report = Report()
        // Fast path: pure ASCII text has nothing to repair.
        if text.isASCIIText { return (text, report) }
        let scalars = text.unicodeScalars
        // Output is built as UTF-8 bytes: appending slices to a UnicodeScalarView was
        // quadratic in the number of repairs.
        var out: [UInt8] = []
        var copiedUpTo = scalars.startIndex // text before this index is already in `out`
        var line = firstLineNumber
        let bytes = text.utf8
        var i = scalars.startIndex
        while i < scalars.endIndex {
            // ASCII (most of the text) is stepped over a run at a time: only the other scalars
            // may start a repair.
            if bytes[i] < 0x80 {
                let (end, lineEnds) = asciiRun(bytes, from: i)
                line += lineEnds
                i = end
                continue
            }
            if let (decoded, next, charset) = decodeSequence(scalars, at: i) {
                if out.isEmpty { out.reserveCapacity(text.utf8.count) }
                appendBytes(of: text, copiedUpTo..<i, to: &out)
                UTF8.encode(decoded) { out.append($0) }
                report.repairs += 1
                report.charsets.insert(charset.rawValue)
                if report.firstLine == nil { report.firstLine = line }
                i = next
                copiedUpTo = i
                continue
            }
            scalars.formIndex(after: &i)
        }
        // Text that needed nothing is returned as it was, without a copy.
        guard report.repairs > 0 else { return (text, report) }
        appendBytes(of: text, copiedUpTo..<text.endIndex, to: &out)
        return (String(decoding: out, as: UTF8.self), report)
    }

    /// Appends the bytes of `text` in `range` to `out` in one copy (appending the `utf8` slice
    /// went byte by byte).
    private static func appendBytes(of text: String, _ range: Range<String.Index>, to out: inout [UInt8]) {
        let bytes = text.utf8
        let start = bytes.distance(from: bytes.startIndex, to: range.lowerBound)
        let count = bytes.distance(from: range.lowerBound, to: range.upperBound)
        text.withBytes { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }

    /// The end of the ASCII run starting at `start` and how many line ends it holds, read from
    /// the string's contiguous bytes (index by index when they are not contiguous).
    private static func asciiRun(_ bytes: String.UTF8View, from start: String.Index) -> (String.Index, Int) {
        let offset = bytes.distance(from: bytes.startIndex, to: start)
        if let (length, lineEnds) = bytes.withContiguousStorageIfAvailable({ buffer -> (Int, Int) in
            var k = offset, lineEnds = 0
            while k < buffer.count, buffer[k] < 0x80 {
                if buffer[k] == 0x0A { lineEnds += 1 }
                k += 1
            }
            return (k - offset, lineEnds)
        }) {
            return (bytes.index(start, offsetBy: length), lineEnds)
        }
        var i = start, lineEnds = 0
        while i < bytes.endIndex, bytes[i] < 0x80 {
            if bytes[i] == 0x0A { lineEnds += 1 }
            bytes.formIndex(after: &i)
        }
        return (i, lineEnds)
    }

    /// The repaired scalar, the index just after the sequence it replaces, and the charset.
    private static func decodeSequence(_ scalars: String.UnicodeScalarView, at start: String.Index)
        -> (Unicode.Scalar, String.Index, LegacyCharset)?
    {
        for charset in LegacyCharset.allCases {
            guard let lead = charset.encode(scalars[start]) else { continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: continue
            }
            var bytes: [UInt8] = [lead]
            var j = scalars.index(after: start)
            for _ in 1..<length {
                guard j < scalars.endIndex, let b = charset.encode(scalars[j]), (0x80...0xBF).contains(b) else { break }
                bytes.append(b)
                scalars.formIndex(after: &j)
            }
            guard bytes.count == length, let decoded = decodeUTF8(bytes), isPlausible(decoded, length: length) else {
                continue
            }
            return (decoded, j, charset)
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
