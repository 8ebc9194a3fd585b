/// A screen-sized grid of cells that `view` draws into. Pure value: the backend diffs two
/// canvases and writes only what changed.
///
/// Invariants kept by every writer: a 2-column grapheme is a lead cell followed by a
/// continuation cell in the same row; overwriting either half of a wide grapheme turns the
/// other half into a space, so no half-character is ever left on screen.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position; a blank cell outside the canvas.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// The style of the cell at a position (of the lead cell for a continuation).
    public func style(at x: Int, _ y: Int) -> Style {
        self[x, y].style
    }

    /// One row of cells.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<(y * width + width)]
    }

    // MARK: Writing cells

    /// Writes a narrow cell, repairing any wide grapheme it cuts in half.
    @inline(__always)
    mutating func setNarrow(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        breakWide(at: index, x: x)
        cells[index] = cell
    }

    /// Writes a wide grapheme at x and its continuation at x + 1 (both must be inside).
    mutating func setWide(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        breakWide(at: index, x: x)
        breakWide(at: index + 1, x: x + 1)
        cells[index] = cell
        cells[index + 1] = .continuation(cell.style)
    }

    /// Before cell `index` is overwritten: blank the other half of a wide grapheme there.
    @inline(__always)
    private mutating func breakWide(at index: Int, x: Int) {
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// Puts one grapheme at (x, y) clipped to `clip`; returns the columns it advances.
    /// A wide grapheme that does not fit before the clip's right edge becomes a space.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        return put(character, width: DisplayWidth.of(character), x: x, y: y, style: style, area: area)
    }

    @inline(__always)
    private mutating func put(
        _ character: Character, width columns: Int, x: Int, y: Int, style: Style,
        area: Rect
    ) -> Int {
        guard columns > 0, y >= area.y, y < area.maxY else { return columns }
        if columns == 1 {
            if x >= area.x, x < area.maxX { setNarrow(x, y, Cell(character, style: style)) }
            return 1
        }
        // Wide: both halves visible, or only part of it → a space where it is visible.
        let leftIn = x >= area.x && x < area.maxX
        let rightIn = x + 1 >= area.x && x + 1 < area.maxX
        if leftIn && rightIn {
            setWide(x, y, Cell(character, style: style))
        } else if leftIn {
            setNarrow(x, y, Cell(" ", style: style))
        } else if rightIn {
            setNarrow(x + 1, y, Cell(" ", style: style))
        }
        return 2
    }

    /// Writes text on one row starting at column x, clipped to `clip` (default: the canvas).
    /// Tabs become a space; other control characters are dropped. Returns the column after it.
    @discardableResult
    public mutating func write<S: StringProtocol>(
        _ text: S, x: Int, y: Int, style: Style = .plain,
        clip: Rect? = nil
    ) -> Int {
        write(String(text), x: x, y: y, style: style, clip: clip)
    }

    /// Writes text on one row starting at column x, clipped to `clip` (default: the canvas).
    /// Tabs become a space; other control characters are dropped. Returns the column after it.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        var column = x
        guard y >= area.y, y < area.maxY else { return column + DisplayWidth.of(text) }
        if let end = writeASCII(text, x: x, y: y, style: style, area: area) { return end }
        for character in text {
            if column >= area.maxX { break }
            let columns: Int
            var shown = character
            if character == "\t" {
                shown = " "
                columns = 1
            } else {
                columns = DisplayWidth.of(character)
            }
            column += put(shown, width: columns, x: column, y: y, style: style, area: area)
        }
        return column
    }

    /// Printable ASCII characters as cells, built once.
    private static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    /// Fast path for text that is all ASCII: one cell per byte, no grapheme breaking.
    /// Returns nil (doing nothing) when the text has other characters.
    private mutating func writeASCII(_ text: String, x: Int, y: Int, style: Style, area: Rect) -> Int? {
        let utf8 = text.utf8
        var printable = 0
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 && byte != 0x7F || byte == 0x09 { printable += 1 }
        }
        let first = max(x, area.x), last = min(x + printable, area.maxX) // columns [first, last)
        guard first < last else { return x + printable }
        setNarrow(first, y, Cell(" ", style: style))
        setNarrow(last - 1, y, Cell(" ", style: style))
        let rowStart = y * width
        var column = x
        cells.withUnsafeMutableBufferPointer { buffer in
            for byte in utf8 {
                guard byte >= 0x20 && byte != 0x7F || byte == 0x09 else { continue }
                if column >= last { break }
                if column >= first {
                    let code = byte == 0x09 ? 0x20 : byte
                    buffer[rowStart + column] = Cell(
                        ascii: code, character: Self.asciiCharacters[Int(code)],
                        style: style)
                }
                column += 1
            }
        }
        return x + printable
    }

    /// Writes text into a field of `width` columns: truncated with `…` when too long,
    /// padded with spaces (in `style`) according to `alignment`.
    public mutating func write<S: StringProtocol>(
        _ text: S, x: Int, y: Int, width: Int,
        alignment: Alignment = .left, style: Style = .plain,
        clip: Rect? = nil
    ) {
        guard width > 0 else { return }
        let field = Rect(x: x, y: y, width: width, height: 1)
        let area = clip.map { $0.intersection(field) } ?? field
        write(TextFit.pad(String(text), toWidth: width, alignment: alignment), x: x, y: y, style: style, clip: area)
    }

    /// Fills a rectangle with one character (a wide one fills pairs of columns).
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let columns = DisplayWidth.of(character)
        if columns == 1 {
            let cell = Cell(character, style: style)
            for y in area.y..<area.maxY {
                // Repair wide graphemes cut at the edges, then overwrite the span directly.
                let start = y * width + area.x
                setNarrow(area.x, y, cell)
                setNarrow(area.maxX - 1, y, cell)
                for index in start..<(start + area.width) { cells[index] = cell }
            }
            return
        }
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX { x += put(character, width: columns, x: x, y: y, style: style, area: area) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the characters (selection bars).
    public mutating func restyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].style = style }
        }
    }

    // MARK: Reading back

    /// The text of one row as a person would see it, trailing spaces trimmed.
    public func text(row y: Int) -> String {
        var line = ""
        line.reserveCapacity(width)
        for cell in row(y) where !cell.isContinuation { line.append(cell.character) }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Every row as text, trailing spaces trimmed.
    public var lines: [String] { (0..<height).map { text(row: $0) } }
}
