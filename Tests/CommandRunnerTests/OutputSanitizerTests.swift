import CommandRunner
import RunbookKit
import Testing

@Suite struct OutputSanitizerTests {
    func lines(_ text: String, cap: Int = OutputSanitizer.defaultLineCap) -> [OutputLine] {
        OutputSanitizer.lines(Array(text.utf8), lineCap: cap)
    }

    func texts(_ text: String) -> [String] { lines(text).map(\.text) }

    @Test func plainLinesAndAFinalLineWithoutNewline() {
        #expect(texts("one\ntwo\nthree") == ["one", "two", "three"])
        #expect(texts("a\n\nb\n") == ["a", "", "b"])
    }

    @Test func csiSequencesAreRemoved() {
        #expect(texts("\u{1B}[2J\u{1B}[H\u{1B}[?25lhello\u{1B}[K\u{1B}[3;4H!") == ["hello!"])
    }

    @Test func oscEndsWithBellOrStringTerminator() {
        #expect(texts("\u{1B}]0;title\u{07}a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == ["alinkb"])
    }

    @Test func dcsPmApcAndSosAreRemoved() {
        #expect(
            texts("x\u{1B}Pq#0;2;0;0;0\u{1B}\\y\u{1B}^privacy\u{1B}\\z\u{1B}_apc\u{1B}\\w\u{1B}Xsos\u{1B}\\v")
                == ["xyzwv"])
    }

    @Test func singleShiftsAndTwoByteSequencesAreRemoved() {
        #expect(texts("a\u{1B}Nxb\u{1B}Oyc\u{1B}7d\u{1B}8e\u{1B}(Bf\u{1B}=g\u{1B}c") == ["abcdefg"])
    }

    @Test func aLoneEscapeIsDropped() {
        #expect(texts("a\u{1B}\nb\u{1B}") == ["a", "b"])
    }

    @Test func controlCharactersAreRemoved() {
        #expect(texts("a\u{00}b\u{07}c\u{0B}d\u{0C}e\u{7F}f\u{0E}g") == ["abcdefg"])
    }

    @Test func c1ControlsAreRemoved() {
        // U+009B is CSI for some terminals.
        #expect(texts("a\u{9B}31mb\u{85}c") == ["a31mbc"])
    }

    @Test func tabsExpandToEightColumnStops() {
        #expect(texts("a\tb\n12345678\tc\n\td") == ["a       b", "12345678        c", "        d"])
    }

    @Test func carriageReturnOverwritesFromColumnZero() {
        #expect(texts("progress 10%\rprogress 55%\rprogress 100%\ndone") == ["progress 100%", "done"])
        #expect(texts("abcdef\rXY\n") == ["XYcdef"])
        #expect(texts("windows\r\nline\r\n") == ["windows", "line"])
    }

    @Test func backspaceMovesLeft() {
        #expect(texts("abc\u{08}X\n") == ["abX"])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x63, 0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0x0A]
        #expect(
            OutputSanitizer.lines(bytes).map(\.text) == ["a\u{FFFD}b\u{FFFD}c€\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"]
        )
    }

    @Test func multiByteCharactersSplitAcrossFeedsSurvive() {
        var sanitizer = OutputSanitizer()
        let euro: [UInt8] = Array("x€y\n".utf8)
        for byte in euro { sanitizer.feed([byte]) }
        #expect(sanitizer.batch.lines.map(\.text) == ["x€y"])
    }

    @Test func sequencesSplitAcrossFeedsAreStillRemoved() {
        var sanitizer = OutputSanitizer()
        for byte in Array("a\u{1B}[31mred\u{1B}]0;t\u{1B}\\b\n".utf8) { sanitizer.feed([byte]) }
        let line = sanitizer.batch.lines
        #expect(line.map(\.text) == ["aredb"])
        #expect(line.first?.colors == [ColorRun(start: 1, length: 4, foreground: 1)])
    }

    @Test func sgrColoursBecomeRuns() {
        let line = lines("ok \u{1B}[1;32mPASS\u{1B}[0m and \u{1B}[38;5;208morange\u{1B}[39m \u{1B}[41;97mX\u{1B}[m")[0]
        #expect(line.text == "ok PASS and orange X")
        #expect(
            line.colors == [
                ColorRun(start: 3, length: 4, foreground: 2, bold: true),
                ColorRun(start: 12, length: 6, foreground: 208),
                ColorRun(start: 19, length: 1, foreground: 15, background: 1)
            ])
    }

    @Test func trueColourMapsToTheCube() {
        let line = lines("\u{1B}[38;2;255;0;0mr")[0]
        #expect(line.colors == [ColorRun(start: 0, length: 1, foreground: 196)])
    }

    @Test func privateAndNonSGRSequencesEndingInMAreNotColours() {
        let line = lines("\u{1B}[?1m\u{1B}[>4;2ma")[0]
        #expect(line == OutputLine(text: "a"))
    }

    @Test func colourCarriesAcrossLinesAndOverwrites() {
        let out = lines("\u{1B}[31mab\ncd\u{1B}[0m\rX\n")
        #expect(out[0].colors == [ColorRun(start: 0, length: 2, foreground: 1)])
        #expect(out[1].text == "Xd")
        #expect(out[1].colors == [ColorRun(start: 1, length: 1, foreground: 1)])
    }

    @Test func longLinesAreSplitAtTheCap() {
        let out = lines(String(repeating: "a", count: 25) + "\nb", cap: 10)
        #expect(out.map(\.text) == ["aaaaaaaaaa", "aaaaaaaaaa", "aaaaa", "b"])
        let wide = lines(String(repeating: "é", count: 12), cap: 5)
        #expect(wide.map { $0.text.count } == [5, 5, 2])
    }

    @Test func binaryGarbageLeavesOnlyText() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for line in OutputSanitizer.lines(bytes) {
            for scalar in line.text.unicodeScalars {
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
            }
            #expect(line.text.unicodeScalars.count <= OutputSanitizer.defaultLineCap)
        }
    }
}

@Suite struct OutputSanitizerChunkTests {
    @Test func plainLinesThenStyledOnesAcrossChunks() {
        var sanitizer = OutputSanitizer(lineCap: 4)
        sanitizer.feed(Array("aa\nbb\ncc".utf8))
        sanitizer.feed(Array("c\n\u{1B}[1mdd\nabcdefgh\n".utf8))
        sanitizer.finish()
        let lines = sanitizer.batch.lines
        #expect(lines.map(\.text) == ["aa", "bb", "ccc", "dd", "abcd", "efgh"])
        #expect(lines[3].colors == [ColorRun(start: 0, length: 2, bold: true)])
    }
}
