import RunbookKit

/// The line the sanitizer is building. Two forms: appending UTF-8 bytes (the common case, cheap),
/// and, once a `\r` or backspace moved the cursor back, one scalar and one style per column so
/// that later text overwrites what was there (a progress bar ends as its last state).
struct LineBuilder {
    /// Append form: the line's bytes, its length in scalars, its colour runs.
    private(set) var bytes: [UInt8] = []
    private(set) var columns = 0
    private var runs: [ColorRun] = []
    /// Overwrite form (nil while appending).
    private var cells: [Unicode.Scalar]?
    private var cellStyles: [TextStyle] = []
    /// Where the next character goes; nil: at the end.
    private var cursor: Int?

    init() { bytes.reserveCapacity(256) }

    var isEmpty: Bool { columns == 0 }
    /// The column the next character lands in.
    var column: Int { cursor ?? columns }
    /// True when a character can be appended to `bytes` directly.
    var isAppending: Bool { cursor == nil }

    /// Appends printable ASCII bytes (the caller keeps within the line cap).
    mutating func appendASCII(_ chunk: UnsafeBufferPointer<UInt8>, style: TextStyle) {
        bytes.append(contentsOf: chunk)
        noteAppended(chunk.count, style: style)
    }

    /// Appends one scalar given as its UTF-8 bytes.
    mutating func appendEncoded(_ encoded: UnsafeBufferPointer<UInt8>, style: TextStyle) {
        bytes.append(contentsOf: encoded)
        noteAppended(1, style: style)
    }

    private mutating func noteAppended(_ count: Int, style: TextStyle) {
        if !style.isPlain {
            if let last = runs.last, last.start + last.length == columns, last.foreground == style.foreground,
                last.background == style.background, last.bold == style.bold
            {
                runs[runs.count - 1].length += count
            } else {
                runs.append(style.run(start: columns, length: count))
            }
        }
        columns += count
    }

    /// Puts one scalar at the cursor, overwriting what is there.
    mutating func put(_ scalar: Unicode.Scalar, style: TextStyle) {
        guard let at = cursor else { appendScalar(scalar, style: style); return }
        toCells()
        if at < cells!.count {
            cells![at] = scalar
            cellStyles[at] = style
        } else {
            cells!.append(scalar)
            cellStyles.append(style)
        }
        columns = cells!.count
        cursor = at + 1 >= columns ? nil : at + 1
        if cursor == nil { fromCells() }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar, style: TextStyle) {
        var utf8: [UInt8] = []
        utf8.append(contentsOf: String(scalar).utf8)
        utf8.withUnsafeBufferPointer { appendEncoded($0, style: style) }
    }

    /// `\r`: the next text overwrites from column 0.
    mutating func carriageReturn() { if columns > 0 { cursor = 0 } }

    /// Backspace: one column left.
    mutating func backspace() { let c = column; if c > 0 { cursor = c - 1 } }

    /// The finished line (text and colours), leaving the builder empty.
    mutating func take(into batch: inout SanitizedBatch) {
        cursor = nil
        if cells != nil { fromCells() }
        batch.appendColors(runs)
        batch.text.append(contentsOf: bytes)
        batch.lineEnds.append(batch.text.count)
        batch.text.append(0x0A)
        bytes.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        columns = 0
        cursor = nil
    }

    /// Switches to the overwrite form.
    private mutating func toCells() {
        guard cells == nil else { return }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(columns)
        scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var styles = Array(repeating: TextStyle(), count: scalars.count)
        for run in runs {
            let style = TextStyle(foreground: run.foreground, background: run.background, bold: run.bold)
            for i in run.start..<min(run.start + run.length, styles.count) { styles[i] = style }
        }
        cells = scalars
        cellStyles = styles
    }

    /// Back to the append form (the cursor is at the end again).
    private mutating func fromCells() {
        guard let scalars = cells else { return }
        bytes.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        columns = 0
        let styles = cellStyles
        cells = nil
        cellStyles = []
        let keepCursor = cursor
        cursor = nil
        for (scalar, style) in zip(scalars, styles) { appendScalar(scalar, style: style) }
        cursor = keepCursor
        if cursor != nil { toCells() }
    }
}
