/// Decodes the bytes a terminal sends (raw mode) into key and mouse events, with no
/// terminal library. Keeps an incomplete sequence between `feed` calls; a lone ESC is
/// only known to be Esc when nothing follows, so the caller calls `flush()` after a short
/// pause (ESCDELAY) with no input.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// True when bytes are held back waiting for the rest of a sequence.
    public var hasPending: Bool { !pending.isEmpty }

    /// Decodes everything complete in `pending + bytes`.
    public mutating func feed(_ bytes: [UInt8]) -> [InputEvent] {
        pending += bytes
        var events: [InputEvent] = []
        var index = 0
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            for character in String(decoding: text, as: UTF8.self) {
                events.append(.key(.char(character)))
            }
            text.removeAll()
        }
        while index < pending.count {
            let byte = pending[index]
            if byte >= 0x20 && byte != 0x7F {
                let length = Self.utf8Length(byte)
                guard index + length <= pending.count else { break } // wait for the rest
                text += pending[index..<(index + length)]
                index += length
                continue
            }
            flushText()
            if byte == 0x1B {
                guard let (event, used) = Self.escape(pending, from: index) else { break }
                events.append(event)
                index += used
                continue
            }
            events.append(.key(Self.control(byte)))
            index += 1
        }
        flushText()
        pending.removeFirst(index)
        return events
    }

    /// Ends a pause: whatever is pending is taken as it is (a lone ESC is Esc, a cut
    /// sequence is reported as unknown).
    public mutating func flush() -> [InputEvent] {
        guard !pending.isEmpty else { return [] }
        let bytes = pending
        pending = []
        if bytes == [0x1B] { return [.key(.escape)] }
        if bytes.count == 2, bytes[0] == 0x1B, bytes[1] == 0x1B { return [.key(.escape), .key(.escape)] }
        if bytes[0] == 0x1B, bytes.count == 2, bytes[1] == UInt8(ascii: "[") || bytes[1] == UInt8(ascii: "O") {
            // ESC [ / ESC O typed quickly: Alt-[ / Alt-O.
            return [.key(KeyEvent(.character(Character(Unicode.Scalar(bytes[1]))), modifiers: .alt))]
        }
        return [.unknown(bytes)]
    }

    /// Decodes a whole chunk as if a pause followed it (handy in tests).
    public static func decode(_ bytes: [UInt8]) -> [InputEvent] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes) + decoder.flush()
    }

    public static func decode(_ text: String) -> [InputEvent] { decode(Array(text.utf8)) }

    // MARK: Single bytes

    static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    static func control(_ byte: UInt8) -> KeyEvent {
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x00: return KeyEvent(.character(" "), modifiers: .ctrl)
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(byte + 0x60)))
        default: return KeyEvent(.character(Character(Unicode.Scalar(byte + 0x40))), modifiers: .ctrl) // \ ] ^ _
        }
    }

    // MARK: Escape sequences

    /// The event at `pending[start]` (an ESC) and the bytes it used; nil when more are needed.
    static func escape(_ bytes: [UInt8], from start: Int) -> (InputEvent, Int)? {
        let rest = bytes.count - start
        guard rest >= 2 else { return nil }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["):
            return csi(bytes, from: start)
        case UInt8(ascii: "O"):
            guard rest >= 3 else { return nil }
            return (ss3(bytes[start + 2]), 3)
        case 0x1B:
            return (.key(.escape), 1)
        default:
            // Alt + key: ESC followed by a character or control byte.
            if second < 0x20 || second == 0x7F {
                var key = control(second)
                key.modifiers.insert(.alt)
                return (.key(key), 2)
            }
            let length = utf8Length(second)
            guard rest >= 1 + length else { return nil }
            let text = String(decoding: bytes[(start + 1)..<(start + 1 + length)], as: UTF8.self)
            guard let character = text.first else { return (.unknown([0x1B, second]), 2) }
            return (.key(KeyEvent(.character(character), modifiers: .alt)), 1 + length)
        }
    }

    static func ss3(_ final: UInt8) -> InputEvent {
        switch final {
        case UInt8(ascii: "A"): return .key(.up)
        case UInt8(ascii: "B"): return .key(.down)
        case UInt8(ascii: "C"): return .key(.right)
        case UInt8(ascii: "D"): return .key(.left)
        case UInt8(ascii: "H"): return .key(KeyEvent(.home))
        case UInt8(ascii: "F"): return .key(KeyEvent(.end))
        case UInt8(ascii: "M"): return .key(.enter)
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return .key(KeyEvent(.function(Int(final) - 0x50 + 1)))
        default: return .unknown([0x1B, UInt8(ascii: "O"), final])
        }
    }

    /// `ESC [ params final`: cursor keys, `~` keys, Shift-Tab, SGR mouse.
    static func csi(_ bytes: [UInt8], from start: Int) -> (InputEvent, Int)? {
        var end = start + 2
        while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) {
            if end - start > 32 { return (.unknown(Array(bytes[start..<end])), end - start) }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let used = end - start + 1
        let raw = Array(bytes[start..<(end + 1)])
        let final = bytes[end]
        var paramBytes = bytes[(start + 2)..<end]
        let isMouse = paramBytes.first == UInt8(ascii: "<")
        if isMouse { paramBytes = paramBytes.dropFirst() }
        let params = String(decoding: paramBytes, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) }
        if isMouse {
            guard params.count == 3, let b = params[0], let x = params[1], let y = params[2],
                final == UInt8(ascii: "M") || final == UInt8(ascii: "m")
            else { return (.unknown(raw), used) }
            return (.mouse(mouse(b, x, y, released: final == UInt8(ascii: "m"))), used)
        }
        let modifiers = params.count >= 2 ? KeyModifiers(xtermParameter: params[1] ?? 1) : []
        func key(_ k: KeyEvent.Key) -> (InputEvent, Int) { (.key(KeyEvent(k, modifiers: modifiers)), used) }
        switch final {
        case UInt8(ascii: "A"): return key(.up)
        case UInt8(ascii: "B"): return key(.down)
        case UInt8(ascii: "C"): return key(.right)
        case UInt8(ascii: "D"): return key(.left)
        case UInt8(ascii: "H"): return key(.home)
        case UInt8(ascii: "F"): return key(.end)
        case UInt8(ascii: "P")...UInt8(ascii: "S"): return key(.function(Int(final) - 0x50 + 1))
        case UInt8(ascii: "Z"): return (.key(.shiftTab), used)
        case UInt8(ascii: "~"):
            guard let number = params.first ?? nil, let k = tildeKey(number) else { return (.unknown(raw), used) }
            return key(k)
        default:
            return (.unknown(raw), used)
        }
    }

    static func tildeKey(_ number: Int) -> KeyEvent.Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23...24: return .function(number - 12)
        default: return nil
        }
    }

    static func mouse(_ b: Int, _ x: Int, _ y: Int, released: Bool) -> MouseEvent {
        var modifiers: KeyModifiers = []
        if b & 4 != 0 { modifiers.insert(.shift) }
        if b & 8 != 0 { modifiers.insert(.alt) }
        if b & 16 != 0 { modifiers.insert(.ctrl) }
        let button: MouseEvent.Button
        if b & 64 != 0 {
            button = b & 1 == 0 ? .wheelUp : .wheelDown
        } else {
            button = [.left, .middle, .right, .none][b & 3]
        }
        let action: MouseEvent.Action = released ? .release : (b & 32 != 0 ? .drag : .press)
        return MouseEvent(
            button: button, action: action, column: max(x - 1, 0), row: max(y - 1, 0), modifiers: modifiers)
    }
}
