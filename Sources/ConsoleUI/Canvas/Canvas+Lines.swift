/// The characters a box or line is drawn with.
public struct BorderGlyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    public static let light = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘")
    public static let heavy = BorderGlyphs(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
        bottomLeft: "┗", bottomRight: "┛")
    public static let double = BorderGlyphs(
        horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
        bottomLeft: "╚", bottomRight: "╝")
    public static let ascii = BorderGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+")
}

extension Canvas {
    /// A horizontal line of `length` columns.
    public mutating func horizontalLine(
        x: Int, y: Int, length: Int, style: Style = .plain,
        character: Character = "─"
    ) {
        fill(Rect(x: x, y: y, width: length, height: 1), with: character, style: style)
    }

    /// A vertical line of `length` rows.
    public mutating func verticalLine(
        x: Int, y: Int, length: Int, style: Style = .plain,
        character: Character = "│"
    ) {
        fill(Rect(x: x, y: y, width: 1, height: length), with: character, style: style)
    }

    /// A border around `rect` with an optional title in the top edge (` Title `, truncated
    /// with `…`). Focused panes get heavy lines so focus shows without colour.
    /// Returns the inner rectangle.
    @discardableResult
    public mutating func box(
        _ rect: Rect, title: String? = nil, focused: Bool = false,
        borderStyle: Style = .plain, titleStyle: Style? = nil,
        glyphs: BorderGlyphs? = nil
    ) -> Rect {
        guard !rect.isEmpty else { return .zero }
        let g = glyphs ?? (focused ? .heavy : .light)
        if rect.width == 1 || rect.height == 1 {
            fill(rect, with: rect.height == 1 ? g.horizontal : g.vertical, style: borderStyle)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        horizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: borderStyle, character: g.horizontal)
        horizontalLine(x: rect.x + 1, y: bottom, length: rect.width - 2, style: borderStyle, character: g.horizontal)
        verticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: borderStyle, character: g.vertical)
        verticalLine(x: right, y: rect.y + 1, length: rect.height - 2, style: borderStyle, character: g.vertical)
        put(g.topLeft, x: rect.x, y: rect.y, style: borderStyle)
        put(g.topRight, x: right, y: rect.y, style: borderStyle)
        put(g.bottomLeft, x: rect.x, y: bottom, style: borderStyle)
        put(g.bottomRight, x: right, y: bottom, style: borderStyle)
        if let title, !title.isEmpty, rect.width >= 7 {
            let room = rect.width - 4
            let shown = " " + TextFit.truncate(title, toWidth: room - 2) + " "
            let titleArea = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            write(shown, x: rect.x + 2, y: rect.y, style: titleStyle ?? borderStyle, clip: titleArea)
        }
        return rect.inset(by: 1)
    }
}
