import Testing
@testable import RunbookKit

/// The reader's byte-level shortcuts (speed work of issue #10) must answer exactly what the
/// character walks they replace answer, on inputs where bytes and characters differ: combining
/// marks after a colon or a digit, emoji, non-ASCII letters, CR LF.
@Suite struct ByteScanTests {
    static let samples: [String] = [
        "", ":", "a:b", "Label: value", "Owner : team", ":\u{301}accent", "accent:\u{301} rest", "café: ok", "é:x",
        "no colon here", "1. Detection", "1\u{301}. Detection", "Step 3: Verify", "step 2 restart", "Steps", "S", "s",
        "🚨 1. Respond", "  2) Triage", "Verify", "Rollback", "Ölwechsel: 5", "x\r\ny: z", "!!! warning", "?? x",
        "???+ note", "??? tip", "[TOC]", "[toc]", "[Toc]", "TOC", "a !!!b", "end !!!", "ASCII only", "naïve"
    ]

    @Test func asciiAndByteTestsMatchTheUTF8View() {
        for s in Self.samples {
            #expect(s.isASCIIText == s.utf8.allSatisfy { $0 < 0x80 }, "\(s.debugDescription)")
            for byte: UInt8 in [0, 13, 0x3A, 0xC3] {
                #expect(s.holdsByte(byte) == s.utf8.contains(byte), "\(s.debugDescription) \(byte)")
            }
        }
    }

    @Test func wikiMarkupTestIsTheFiveSubstringTests() {
        for s in Self.samples + Self.samples.map({ "text before " + $0 + " after" }) {
            let reference = s.has("!!! ") || s.has("??? ") || s.has("???+ ") || s.has("TOC]") || s.has("toc]")
            #expect(WikiMarkup.mayApply(to: s) == reference, "\(s.debugDescription)")
        }
    }

    @Test func labelColonIsTheFirstColonCharacter() {
        for s in Self.samples {
            let reference: (String, String)? = s.firstIndex(of: ":").flatMap { colon in
                let label = s[..<colon].trimmed
                let value = s[s.index(after: colon)...].trimmed
                guard !label.isEmpty, label.split(separator: " ").count <= 5, !label.contains("http"),
                    !label.contains("`"), !label.contains(".")
                else { return nil }
                return (label, value)
            }
            let found = LabeledText(plain: s)
            #expect(found?.label == reference?.0 && found?.value == reference?.1, "\(s.debugDescription)")
        }
    }

    @Test func headingNumberingMatchesTheCharacterWalk() {
        for s in Self.samples {
            let found = HeadingText.numbering(s)
            let expected = HeadingText.numberingByCharacters(s)
            #expect(found?.number == expected?.number && found?.rest == expected?.rest, "\(s.debugDescription)")
        }
    }

    @Test func shortTitleCountsCharactersNotBytes() {
        let accented = String(repeating: "é", count: 60) // 120 bytes, 60 characters: kept whole
        #expect(CommandCollector.shortTitle(accented) == accented)
        let long = String(repeating: "a", count: 81)
        #expect(CommandCollector.shortTitle(long) == String(repeating: "a", count: 79) + "…")
        let emoji = String(repeating: "🚨", count: 81)
        #expect(CommandCollector.shortTitle(emoji) == String(repeating: "🚨", count: 79) + "…")
        #expect(CommandCollector.shortTitle("  run   this  ") == "run this")
    }
}
