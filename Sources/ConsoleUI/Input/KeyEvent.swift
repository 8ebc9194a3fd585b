/// Modifier keys held with a key or mouse event.
public struct KeyModifiers: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let shift = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let ctrl = KeyModifiers(rawValue: 4)

    /// From the xterm modifier parameter (`ESC [ 1 ; m A`): m - 1 is shift|alt<<1|ctrl<<2.
    init(xtermParameter m: Int) {
        let bits = max(m - 1, 0)
        var result: KeyModifiers = []
        if bits & 1 != 0 { result.insert(.shift) }
        if bits & 2 != 0 { result.insert(.alt) }
        if bits & 4 != 0 { result.insert(.ctrl) }
        self = result
    }

    var prefix: String {
        (contains(.ctrl) ? "Ctrl-" : "") + (contains(.alt) ? "Alt-" : "") + (contains(.shift) ? "Shift-" : "")
    }
}

/// A key press, independent of how the terminal encoded it.
public struct KeyEvent: Sendable, Hashable, CustomStringConvertible {
    public enum Key: Sendable, Hashable {
        /// Text: a printable grapheme (Space included).
        case character(Character)
        case enter, tab, backspace, escape
        case up, down, left, right, home, end, pageUp, pageDown, insert, delete
        case function(Int)
    }

    public var key: Key
    public var modifiers: KeyModifiers

    public init(_ key: Key, modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A printable character typed as is.
    public static func char(_ character: Character) -> KeyEvent { KeyEvent(.character(character)) }
    /// Ctrl with a letter (`ctrl("w")` is Ctrl-W).
    public static func ctrl(_ letter: Character) -> KeyEvent {
        KeyEvent(.character(Character(letter.lowercased())), modifiers: .ctrl)
    }
    public static let enter = KeyEvent(.enter)
    public static let tab = KeyEvent(.tab)
    public static let shiftTab = KeyEvent(.tab, modifiers: .shift)
    public static let escape = KeyEvent(.escape)
    public static let backspace = KeyEvent(.backspace)
    public static let up = KeyEvent(.up)
    public static let down = KeyEvent(.down)
    public static let left = KeyEvent(.left)
    public static let right = KeyEvent(.right)

    /// As help and key hints show it: `q`, `Space`, `Enter`, `Shift-Tab`, `Ctrl-W`, `Alt-x`, `F5`, `PgUp`.
    public var description: String {
        let name: String
        switch key {
        case .character(let c):
            if c == " " {
                name = "Space"
            } else if modifiers.contains(.ctrl) {
                name = c.uppercased()
            } else {
                name = String(c)
            }
        case .enter: name = "Enter"
        case .tab: name = "Tab"
        case .backspace: name = "Backspace"
        case .escape: name = "Esc"
        case .up: name = "Up"
        case .down: name = "Down"
        case .left: name = "Left"
        case .right: name = "Right"
        case .home: name = "Home"
        case .end: name = "End"
        case .pageUp: name = "PgUp"
        case .pageDown: name = "PgDn"
        case .insert: name = "Insert"
        case .delete: name = "Delete"
        case .function(let n): name = "F\(n)"
        }
        return modifiers.prefix + name
    }
}

/// A mouse report (SGR encoding). Columns and rows are 0-based.
public struct MouseEvent: Sendable, Hashable, CustomStringConvertible {
    public enum Button: Sendable, Hashable { case left, middle, right, none, wheelUp, wheelDown }
    public enum Action: Sendable, Hashable { case press, release, drag }

    public var button: Button
    public var action: Action
    public var column: Int
    public var row: Int
    public var modifiers: KeyModifiers

    public init(button: Button, action: Action, column: Int, row: Int, modifiers: KeyModifiers = []) {
        self.button = button
        self.action = action
        self.column = column
        self.row = row
        self.modifiers = modifiers
    }

    public var description: String { "\(modifiers.prefix)Mouse \(button) \(action) at \(column),\(row)" }
}

/// What the input decoder produces.
public enum InputEvent: Sendable, Hashable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    /// A sequence the decoder does not know, kept so callers can log it.
    case unknown([UInt8])
}
