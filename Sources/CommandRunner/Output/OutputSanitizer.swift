import RunbookKit

/// Turns a command's raw output, fed in chunks of any size, into clean lines: every escape
/// sequence (CSI, OSC, DCS/SOS/PM/APC, SS2/SS3, two-byte and lone ESC) and control character is
/// removed, except SGR colour and bold, which become `ColorRun`s. `\t` expands to 8-column stops,
/// `\r` inside a line overwrites from column 0, backspace moves one column left, invalid UTF-8
/// becomes U+FFFD, C1 controls (U+0080–U+009F) are dropped, and a line longer than `lineCap`
/// characters is split. Works on bytes: plain ASCII is copied a run at a time.
public struct OutputSanitizer {
    public static let defaultLineCap = 4096
    /// A string sequence (OSC, DCS …) longer than this ends: its rest shows as text.
    static let stringSequenceCap = 65_536

    public let lineCap: Int
    /// Lines completed since the last `drain()`.
    public private(set) var batch = SanitizedBatch()

    private var line = LineBuilder()
    private var style = TextStyle()
    private var state = State.text
    /// CSI parameter bytes (capped), and whether the sequence is one SGR keeps.
    private var parameters: [UInt8] = []
    private var csiIsPlain = true
    private var stringLength = 0
    /// A UTF-8 sequence in progress: its bytes so far and how many it needs.
    private var pending: [UInt8] = []
    private var pendingNeed = 0
    /// The last line ended because it reached the cap: a `\n` right after it ends nothing more.
    private var wrapped = false

    private enum State {
        case text, escape, csi, escIntermediate, singleShift
        case osc, oscEscape
        case string, stringEscape
    }

    public init(lineCap: Int = OutputSanitizer.defaultLineCap) {
        self.lineCap = max(1, lineCap)
        parameters.reserveCapacity(64)
    }

    /// Sanitizes `bytes`; completed lines accumulate in `batch`.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        bytes.withMemoryRebound(to: UInt8.self) { feed($0) }
    }

    public mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { feed($0) }
    }

    public mutating func feed(_ p: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if state != .text {
                if escapeByte(b) { i += 1 }
                continue
            }
            if pendingNeed > 0 {
                if utf8Continuation(b) { i += 1 }
                continue
            }
            if wrapped {
                wrapped = false
                // The line ended exactly at the cap: it was whole after all. (When the batch was
                // drained in between, the mark is gone with it and the file joins the next line.)
                if b == 0x0A { batch.unmarkContinued(batch.count - 1); i += 1; continue }
            }
            if line.isEmpty, line.isAppending, style.isPlain {
                // Whole lines of plain printable ASCII go to the batch in one copy.
                let (end, stop) = plainLines(p, from: i)
                if end > i { i = end; continue }
                // The start of a line that is not all plain: its printable ASCII so far, at once.
                if stop > i { appendASCII(UnsafeBufferPointer(rebasing: p[i..<stop])); i = stop; continue }
            }
            if b == 0x1B, let end = plainSGR(p, at: i) { i = end; continue }
            if b >= 0x20 && b < 0x7F {
                // A run of printable ASCII, copied at once.
                var j = i + 1
                while j < n, p[j] >= 0x20, p[j] < 0x7F { j += 1 }
                appendASCII(UnsafeBufferPointer(rebasing: p[i..<j]))
                i = j
                continue
            }
            switch b {
            case 0x0A: endLine()
            case 0x0D: line.carriageReturn()
            case 0x09:
                let spaces = 8 - line.column % 8
                for _ in 0..<spaces { put(" ") }
            case 0x08: line.backspace()
            case 0x1B: state = .escape
            case 0x80...0xFF: utf8Lead(b)
            default: break // other C0 controls and DEL
            }
            i += 1
        }
    }

    /// The end of the output: a last line without `\n` is completed, a broken sequence dropped.
    public mutating func finish() {
        if pendingNeed > 0 { pending.removeAll(); pendingNeed = 0; put("\u{FFFD}") }
        state = .text
        if !line.isEmpty { endLine() }
    }

    /// The lines completed so far, leaving `batch` empty.
    public mutating func drain() -> SanitizedBatch {
        let out = batch
        batch.removeAll()
        return out
    }

    /// Hands the lines completed so far to `body`, then forgets them (no copy of the batch).
    public mutating func consumeBatch(_ body: (SanitizedBatch) -> Void) {
        guard !batch.isEmpty else { return }
        body(batch)
        batch.removeAll()
    }

    /// Convenience for small inputs: all the lines of `bytes`, the last one completed.
    public static func lines(_ bytes: [UInt8], lineCap: Int = defaultLineCap) -> [OutputLine] {
        var sanitizer = OutputSanitizer(lineCap: lineCap)
        sanitizer.feed(bytes)
        sanitizer.finish()
        return sanitizer.batch.lines
    }

    // MARK: Text

    /// Appends the complete lines of plain printable ASCII starting at `start` (at the start of
    /// a line) straight to the batch; returns where they end, and where the scan stopped (the
    /// bytes between are printable ASCII, so they need not be scanned again).
    private mutating func plainLines(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, stop: Int) {
        let base = batch.text.count - start
        var lineStart = start
        var j = start
        let n = p.count
        while j < n {
            let c = p[j]
            if c == 0x0A {
                batch.lineEnds.append(base + j)
                j += 1
                lineStart = j
                continue
            }
            if c < 0x20 || c >= 0x7F || j - lineStart >= lineCap { break }
            j += 1
        }
        if lineStart > start { batch.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<lineStart])) }
        return (lineStart, j)
    }

    /// `ESC [ digits ; : m` whole in `p` at `at` (the common colour change of a log), applied
    /// without going through the escape states; returns where it ends, nil when it is anything
    /// else (the states then read it). Same limit as the states: at most 64 parameter bytes.
    private mutating func plainSGR(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        guard at + 2 < p.count, p[at + 1] == UInt8(ascii: "[") else { return nil }
        var j = at + 2
        while j < p.count, p[j] >= 0x30, p[j] <= 0x3B, j - at - 2 < 64 { j += 1 }
        guard j < p.count, p[j] == UInt8(ascii: "m") else { return nil }
        style.apply(sgr: UnsafeBufferPointer(rebasing: p[at + 2..<j]))
        return j + 1
    }

    private mutating func appendASCII(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard line.isAppending else {
            for b in chunk { put(Unicode.Scalar(b)) }
            return
        }
        var start = 0
        while start < chunk.count {
            let room = lineCap - line.columns
            let take = min(room, chunk.count - start)
            line.appendASCII(UnsafeBufferPointer(rebasing: chunk[start..<start + take]), style: style)
            start += take
            if line.columns >= lineCap { endLine(); batch.markLastContinued(); wrapped = start == chunk.count }
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        if line.column >= lineCap { endLine(); batch.markLastContinued() }
        line.put(scalar, style: style)
        if line.isAppending, line.columns >= lineCap { endLine(); batch.markLastContinued(); wrapped = true }
    }

    private mutating func endLine() {
        line.take(into: &batch)
    }

    // MARK: UTF-8

    private mutating func utf8Lead(_ b: UInt8) {
        switch b {
        case 0xC2...0xDF: pendingNeed = 1
        case 0xE0...0xEF: pendingNeed = 2
        case 0xF0...0xF4: pendingNeed = 3
        default: put("\u{FFFD}"); return // a stray continuation byte or an invalid lead
        }
        pending.removeAll(keepingCapacity: true)
        pending.append(b)
    }

    /// Returns false when `b` does not continue the sequence: it is then read again as new input.
    private mutating func utf8Continuation(_ b: UInt8) -> Bool {
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        if pending.count == 1 {
            switch pending[0] {
            case 0xE0: low = 0xA0 // overlong
            case 0xED: high = 0x9F // surrogates
            case 0xF0: low = 0x90 // overlong
            case 0xF4: high = 0x8F // beyond U+10FFFF
            default: break
            }
        }
        guard b >= low && b <= high else {
            pending.removeAll(keepingCapacity: true)
            pendingNeed = 0
            put("\u{FFFD}")
            return false
        }
        pending.append(b)
        pendingNeed -= 1
        guard pendingNeed == 0 else { return true }
        var value: UInt32
        switch pending.count {
        case 2: value = UInt32(pending[0] & 0x1F)
        case 3: value = UInt32(pending[0] & 0x0F)
        default: value = UInt32(pending[0] & 0x07)
        }
        for c in pending.dropFirst() { value = value << 6 | UInt32(c & 0x3F) }
        pending.removeAll(keepingCapacity: true)
        // C1 controls: some terminals act on U+009B as CSI.
        if value < 0xA0 { return true }
        if let scalar = Unicode.Scalar(value) { put(scalar) }
        return true
    }

    // MARK: Escape sequences

    /// Consumes `b` inside an escape sequence; false: `b` ended it without belonging to it and
    /// must be read again as text.
    private mutating func escapeByte(_ b: UInt8) -> Bool {
        switch state {
        case .text:
            return false
        case .escape:
            switch b {
            case UInt8(ascii: "["):
                state = .csi
                parameters.removeAll(keepingCapacity: true)
                csiIsPlain = true
            case UInt8(ascii: "]"): state = .osc; stringLength = 0
            case UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                state = .string; stringLength = 0
            case UInt8(ascii: "N"), UInt8(ascii: "O"): state = .singleShift
            case 0x20...0x2F: state = .escIntermediate
            case 0x30...0x7E: state = .text
            case 0x1B: break
            default: state = .text; return false // a lone ESC
            }
        case .csi:
            switch b {
            case 0x30...0x3F:
                if b >= 0x3C { csiIsPlain = false } // private markers < = > ?
                if parameters.count < 64 { parameters.append(b) } else { csiIsPlain = false }
            case 0x20...0x2F: csiIsPlain = false
            case 0x40...0x7E:
                if b == UInt8(ascii: "m"), csiIsPlain { style.apply(sgr: parameters[...]) }
                state = .text
            case 0x1B: state = .escape
            case 0x00...0x1F: break // a terminal would act on it; it is dropped
            default: state = .text; return false
            }
        case .escIntermediate:
            switch b {
            case 0x20...0x2F: break
            case 0x30...0x7E: state = .text
            case 0x1B: state = .escape
            default: state = .text; return false
            }
        case .singleShift:
            state = .text
            if b < 0x20 || b > 0x7E { return false }
        case .osc, .string:
            if b == 0x1B { state = state == .osc ? .oscEscape : .stringEscape; return true }
            if b == 0x07, state == .osc { state = .text; return true }
            stringLength += 1
            if stringLength > Self.stringSequenceCap { state = .text; return false }
        case .oscEscape, .stringEscape:
            state = .text
            if b == UInt8(ascii: "\\") { return true }
            state = .escape // ESC ends the string and starts a new sequence
            return false
        }
        return true
    }
}
