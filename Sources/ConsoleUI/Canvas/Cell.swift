/// One terminal cell. A wide grapheme occupies its cell and a continuation cell to its right.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown. Setting it keeps `firstScalar` in step.
    public var character: Character {
        didSet { firstScalar = Cell.firstScalar(of: character) }
    }
    /// True for the right half of a 2-column grapheme: the terminal draws nothing there.
    public var isContinuation: Bool
    public var style: Style
    /// The grapheme's first scalar: lets comparisons reject most differing cells without a
    /// string comparison (the diff compares every cell of every frame).
    @usableFromInline
    private(set) var firstScalar: UInt32

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
        firstScalar = Cell.firstScalar(of: character)
    }

    /// A cell for a printable ASCII byte, without looking at the character.
    init(ascii byte: UInt8, character: Character, style: Style) {
        self.character = character
        self.style = style
        isContinuation = false
        firstScalar = UInt32(byte)
    }

    static func firstScalar(of character: Character) -> UInt32 {
        if let ascii = character.asciiValue { return UInt32(ascii) }
        return character.unicodeScalars.first?.value ?? 0
    }

    public static let blank = Cell()

    static func continuation(_ style: Style) -> Cell { Cell(" ", style: style, isContinuation: true) }

    /// Cheap fields first; the string comparison only when the first scalars agree.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool {
        a.firstScalar == b.firstScalar && a.isContinuation == b.isContinuation && a.style == b.style
            && a.character == b.character
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(character)
        hasher.combine(isContinuation)
        hasher.combine(style)
    }
}
