/// One terminal cell. A wide grapheme occupies its cell and a continuation cell to its right.
public struct Cell: Sendable, Hashable {
    public var character: Character
    /// True for the right half of a 2-column grapheme: the terminal draws nothing there.
    public var isContinuation: Bool
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()

    static func continuation(_ style: Style) -> Cell { Cell(" ", style: style, isContinuation: true) }
}
