import CNcurses
import ConsoleUI

/// Turns what `wget_wch` returns into `InputEvent`s.
enum CursesKeys {
    /// A function-key code (`KEY_*`).
    static func event(for code: Int32) -> InputEvent? {
        let table: [(Int32, KeyEvent)] = [
            (cn_key_up(), .up), (cn_key_down(), .down), (cn_key_left(), .left), (cn_key_right(), .right),
            (cn_key_home(), KeyEvent(.home)), (cn_key_end(), KeyEvent(.end)),
            (cn_key_ppage(), KeyEvent(.pageUp)), (cn_key_npage(), KeyEvent(.pageDown)),
            (cn_key_btab(), .shiftTab), (cn_key_backspace(), .backspace),
            (cn_key_dc(), KeyEvent(.delete)), (cn_key_ic(), KeyEvent(.insert)), (cn_key_enter(), .enter)
        ]
        if let match = table.first(where: { $0.0 == code }) { return .key(match.1) }
        for n in 1...12 where cn_key_f(Int32(n)) == code { return .key(KeyEvent(.function(n))) }
        return .unknown([])
    }

    /// A character code: control bytes become keys, the rest text.
    static func event(forCharacter code: UInt32) -> InputEvent {
        if code == 0x1B { return .key(.escape) }
        if code < 0x20 || code == 0x7F {
            return KeyDecoder.decode([UInt8(code)]).first ?? .unknown([UInt8(code)])
        }
        guard let scalar = Unicode.Scalar(code) else { return .unknown([]) }
        return .key(.char(Character(scalar)))
    }
}
