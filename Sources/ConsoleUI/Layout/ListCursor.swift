/// The console's one selection model, for every list: the panes, the runs list, the chooser, the
/// severity picker, `:vars` and a chart's series list. It keeps the selected row only; where the
/// list is scrolled follows from it and the height shown (`firstShown`), so the two cannot disagree.
/// An index past the end (the list shrank, a filter hides rows) is read `clamped` to the list.
public struct ListCursor: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var index: Int

    public init(_ index: Int = 0) { self.index = index }

    public init(integerLiteral index: Int) { self.init(index) }

    public var description: String { "\(index)" }

    /// The selected row of a list of `count` rows (0 when it is empty).
    public func clamped(to count: Int) -> Int { min(max(index, 0), max(count - 1, 0)) }

    /// `delta` rows down (negative: up), stopping at the first and the last row; nothing moves in an
    /// empty list.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { return }
        index = min(max(clamped(to: count) + delta, 0), count - 1)
    }

    /// A page down (`pages` negative: up) of `size` rows.
    public mutating func page(_ pages: Int, size: Int, count: Int) { move(by: pages * size, count: count) }

    public mutating func home() { index = 0 }

    public mutating func end(count: Int) { index = max(count - 1, 0) }

    /// The first of `height` rows shown so that this row shows: the list scrolls only as far as
    /// the row needs, which then sits on the last row shown.
    public func firstShown(height: Int) -> Int { Self.firstShown(row: index, height: height) }

    /// `firstShown` for a row that is not an item index (a pane's line, when items take several).
    public static func firstShown(row: Int, height: Int) -> Int { row < height ? 0 : row - height + 1 }
}
