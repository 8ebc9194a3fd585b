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
        #expect(DisplayWidth.of("Ａ") == 2)          // fullwidth A
        #expect(DisplayWidth.of("한") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)    // e + combining acute
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
        #expect(DisplayWidth.of("\u{1}") == 0)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("─") == 1)
        #expect(DisplayWidth.scalar("\u{3099}") == 0)         // combining kana voicing mark
        #expect(DisplayWidth.of("か\u{3099}") == 2)            // が written with the mark
        #expect(DisplayWidth.of("　") == 2)                     // ideographic space
    }

    @Test("Emoji sequences are one 2-column cell")
    func sequences() {
        #expect(DisplayWidth.of("👩‍💻") == 2)              // ZWJ sequence
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
        #expect(DisplayWidth.of("🇩🇪") == 2)               // flag
        #expect(DisplayWidth.of("❤️") == 2)                // VS16
        #expect(DisplayWidth.of("❤") == 1)                 // text presentation
        #expect(DisplayWidth.of("1️⃣") == 2)               // keycap
        #expect(DisplayWidth.of("👍🏽") == 2)               // skin tone
        #expect(DisplayWidth.of("⚠️") == 2)
    }

    @Test("String widths add up")
    func strings() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("🚨 漢字") == 7)
        #expect(DisplayWidth.of("") == 0)
    }
}
