import Testing
@testable import ConsoleUI

@Suite("Key decoding")
struct KeyDecoderTests {
    func keys(_ text: String) -> [String] {
        KeyDecoder.decode(text).map {
            switch $0 {
            case .key(let key): return key.description
            case .mouse(let mouse): return mouse.description
            case .unknown(let bytes): return "unknown \(bytes)"
            }
        }
    }

    @Test("Arrows, Home/End, PgUp/PgDn in CSI and SS3 forms")
    func navigation() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == ["Up", "Down", "Right", "Left"])
        #expect(keys("\u{1B}OA\u{1B}OD") == ["Up", "Left"])
        #expect(keys("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}OH") == ["Home", "End", "Home", "End", "Home"])
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[2~\u{1B}[3~") == ["PgUp", "PgDn", "Insert", "Delete"])
        #expect(keys("\u{1B}[1;5A\u{1B}[1;2C\u{1B}[1;3D") == ["Ctrl-Up", "Shift-Right", "Alt-Left"])
    }

    @Test("Shift-Tab, Tab, Enter, Backspace, F-keys")
    func specials() {
        #expect(keys("\u{1B}[Z") == ["Shift-Tab"])
        #expect(KeyDecoder.decode("\u{1B}[Z") == [.key(.shiftTab)])
        #expect(keys("\t\r\n\u{7F}\u{08}") == ["Tab", "Enter", "Enter", "Backspace", "Backspace"])
        #expect(keys("\u{1B}OP\u{1B}OS\u{1B}[15~\u{1B}[24~") == ["F1", "F4", "F5", "F12"])
        #expect(keys("\u{1B}[1;2P") == ["Shift-F1"])
    }

    @Test("Ctrl-letters and Alt-keys")
    func controls() {
        #expect(keys("\u{17}\u{03}\u{01}") == ["Ctrl-W", "Ctrl-C", "Ctrl-A"])
        #expect(KeyDecoder.decode([0x17]) == [.key(.ctrl("w"))])
        #expect(keys("\u{1B}x\u{1B}\u{17}") == ["Alt-x", "Ctrl-Alt-W"])
        #expect(keys("\u{0}") == ["Ctrl-Space"])
    }

    @Test("Esc alone waits for a pause; Esc Esc is two")
    func escape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.flush() == [.key(.escape)])
        #expect(!decoder.hasPending)
        #expect(keys("\u{1B}") == ["Esc"])
        #expect(keys("\u{1B}\u{1B}") == ["Esc", "Esc"])
        // A sequence split across reads is joined.
        #expect(decoder.feed([0x1B, UInt8(ascii: "[")]).isEmpty)
        #expect(decoder.feed([UInt8(ascii: "A"), UInt8(ascii: "q")]) == [.key(.up), .key(.char("q"))])
    }

    @Test("UTF-8 text, including a sequence split across reads")
    func text() {
        #expect(keys("q? 漢🚨") == ["q", "?", "Space", "漢", "🚨"])
        var decoder = KeyDecoder()
        let bytes = Array("é".utf8)
        #expect(decoder.feed([bytes[0]]).isEmpty)
        #expect(decoder.feed([bytes[1]]) == [.key(.char("é"))])
    }

    @Test("SGR mouse press, release, wheel, drag")
    func mouse() {
        let events = KeyDecoder.decode(
            "\u{1B}[<0;10;5M\u{1B}[<0;10;5m\u{1B}[<64;1;1M\u{1B}[<65;1;1M\u{1B}[<32;3;4M\u{1B}[<18;2;2M")
        #expect(
            events == [
                .mouse(MouseEvent(button: .left, action: .press, column: 9, row: 4)),
                .mouse(MouseEvent(button: .left, action: .release, column: 9, row: 4)),
                .mouse(MouseEvent(button: .wheelUp, action: .press, column: 0, row: 0)),
                .mouse(MouseEvent(button: .wheelDown, action: .press, column: 0, row: 0)),
                .mouse(MouseEvent(button: .left, action: .drag, column: 2, row: 3)),
                .mouse(MouseEvent(button: .right, action: .press, column: 1, row: 1, modifiers: .ctrl))
            ])
    }

    @Test("Unknown sequences are reported, not dropped silently, and decoding goes on")
    func unknown() {
        let events = KeyDecoder.decode("\u{1B}[99~x")
        #expect(events.count == 2)
        #expect(events.last == .key(.char("x")))
        if case .unknown = events.first {} else { Issue.record("expected unknown, got \(events)") }
    }

    @Test("Descriptions for help and hints")
    func descriptions() {
        #expect(KeyEvent.shiftTab.description == "Shift-Tab")
        #expect(KeyEvent.ctrl("w").description == "Ctrl-W")
        #expect(KeyEvent.char(" ").description == "Space")
        #expect(KeyEvent.char("?").description == "?")
        #expect(KeyEvent(.pageDown).description == "PgDn")
        #expect(KeyEvent(.function(5)).description == "F5")
        #expect(KeyEvent.escape.description == "Esc")
    }
}
