import Testing
@testable import ConsoleUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII, CJK, emoji and combining marks")
    func widths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("漢") == 2)
        #expect(DisplayWidth.of("字") == 2)
        #expect(DisplayWidth.of("🚨") == 2)
        #expect(DisplayWidth.of("Ａ") == 2) // fullwidth A
        #expect(DisplayWidth.of("한") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1) // e + combining acute
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
        #expect(DisplayWidth.of("\u{1}") == 0)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("─") == 1)
        #expect(DisplayWidth.scalar("\u{3099}") == 0) // combining kana voicing mark
        #expect(DisplayWidth.of("か\u{3099}") == 2) // が written with the mark
        #expect(DisplayWidth.of("　") == 2) // ideographic space
    }

    @Test("Emoji sequences are one 2-column cell")
    func sequences() {
        #expect(DisplayWidth.of("👩‍💻") == 2) // ZWJ sequence
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
        #expect(DisplayWidth.of("🇩🇪") == 2) // flag
        #expect(DisplayWidth.of("❤️") == 2) // VS16
        #expect(DisplayWidth.of("❤") == 1) // text presentation
        #expect(DisplayWidth.of("1️⃣") == 2) // keycap
        #expect(DisplayWidth.of("👍🏽") == 2) // skin tone
        #expect(DisplayWidth.of("⚠️") == 2)
    }

    @Test("Emoji with VS16 take 2 columns; the same symbols without it stay 1")
    func variationSelector() {
        #expect(DisplayWidth.of("🛠️") == 2) // U+1F6E0 U+FE0F
        #expect(DisplayWidth.of("⚠️") == 2) // U+26A0 U+FE0F
        #expect(DisplayWidth.of("🛠") == 1) // text presentation
        #expect(DisplayWidth.of("⚠") == 1)
        #expect(DisplayWidth.of("⚠️ Check the DB") == 15)
        #expect(DisplayWidth.of("a\u{FE0F}") == 1, "VS16 after a letter changes nothing")
    }

    @Test("Graphemes whose width depends on the terminal")
    func terminalDependent() {
        for wide in ["⚠️", "🛠️", "❤️", "1️⃣"] {
            #expect(DisplayWidth.dependsOnTerminal(Character(wide)), "\(wide)")
        }
        // Wide by their first scalar (wcwidth agrees) or narrow everywhere.
        for settled in ["🚨", "👩‍💻", "🇩🇪", "漢", "⚠", "🛠", "a", "e\u{301}"] {
            #expect(!DisplayWidth.dependsOnTerminal(Character(settled)), "\(settled)")
        }
    }

    @Test("String widths add up")
    func strings() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("🚨 漢字") == 7)
        #expect(DisplayWidth.of("") == 0)
    }
}
