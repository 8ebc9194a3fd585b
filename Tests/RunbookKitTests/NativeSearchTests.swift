import Testing

@testable import RunbookKit

/// The byte-level searches answer as Foundation's did for the texts runbooks hold.
struct NativeSearchTests {
    @Test func substringsFindTheFirstOccurrence() {
        let text = "Restart the pool. Then check the pool. Done"
        let tail = text.dropFirst(8)
        let found = tail.range(of: "the pool")
        #expect(found.map { String(tail[$0.lowerBound...]).hasPrefix("the pool.") } == true)
        #expect(found?.lowerBound == text.range(of: "the pool")?.lowerBound)
        #expect(tail.range(of: "absent") == nil)
        // An empty needle is found nowhere, as Foundation answers.
        #expect(tail.range(of: "") == nil && text.range(of: "") == nil && !tail.contains(""))
        #expect(text.lastRange(of: "") == nil)
        // Found by the first byte that is not a space, also at either end.
        #expect("Ops · #oncall".contains(" · "))
        #expect(!"Ops ·#oncall".contains(" · "))
        #expect("a  b".range(of: "  b").map { "a  b".utf8.distance(from: "a  b".startIndex, to: $0.lowerBound) } == 1)
        #expect("   ".range(of: "  ").map { "   ".utf8.distance(from: "   ".startIndex, to: $0.lowerBound) } == 0)
        #expect(" x".contains(" x") && !"x ".contains(" x"))
        #expect(tail.contains("check"))
        #expect(!tail.contains("Restart"))
    }

    @Test func lastRangeFindsTheLastOccurrence() {
        let text = "Check the pool. Restart it. Then `kubectl get pods`"
        let found = text.lastRange(of: ". ")
        #expect(found.map { String(text[$0.upperBound...]) } == "Then `kubectl get pods`")
        #expect(text.dropLast(5).lastRange(of: "pool")?.lowerBound == text.range(of: "pool")?.lowerBound)
        #expect(text.lastRange(of: "absent") == nil)
        #expect("a → b → page".lastRange(of: "→").map { String("a → b → page"[$0.upperBound...]) } == " page")
    }

    /// The rule tables' words: empty pieces are dropped, as `split` did, and other text stays whole.
    @Test func asciiWordsSplitAtAnySeparator() {
        #expect("kubectl  oc ".asciiWords() == ["kubectl", "oc"])
        #expect("rollout|restart||undo".asciiWords(separatedBy: "|") == ["rollout", "restart", "undo"])
        #expect("a,b c".asciiWords(separatedBy: ", ") == ["a", "b", "c"])
        #expect("".asciiWords().isEmpty && "   ".asciiWords().isEmpty)
        #expect("café ünïcode".asciiWords() == ["café", "ünïcode"])
    }

    @Test func componentsKeepEmptyPiecesAndNonASCIIText() {
        #expect("a. b. . c".components(separatedBy: ". ") == ["a", "b", "", "c"])
        #expect(". a. ".components(separatedBy: ". ") == ["", "a", ""])
        #expect("no separator".components(separatedBy: "; ") == ["no separator"])
        #expect("café — 5 min — page".components(separatedBy: " — ") == ["café", "5 min", "page"])
        #expect("".components(separatedBy: ", ") == [""])
    }

    @Test func containsWordFindsAWordOrItsStartOnly() {
        #expect("Error rate is CRITICAL now".containsWord(["warn", "critical"]))
        #expect("pre-page the team".containsWord(["page"]))
        #expect(!"a webpage".containsWord(["page"]))
        #expect("Paging: on".containsWord(["pag"]))
        #expect(!"nothing here".containsWord([]))
        #expect(!"nothing here".containsWord([""]))
        #expect("Ünïcode étape".containsWord(["étape"]))
    }

    @Test func leadingWordsStopAtTheLimit() {
        #expect("sev2 — page now, please".leadingWords(upTo: 3) == ["sev2", "page", "now"])
        #expect("(p1)".leadingWords(upTo: 3) == ["p1"])
        #expect("½ of ²".leadingWords(upTo: 3) == ["½", "of", "²"])
        #expect(" ,;".leadingWords(upTo: 3).isEmpty)
    }

    @Test func quickCharacterKindsAgreeWithUnicodes() {
        for character in "aZ09 _-é½ß\r\n€Ω٣" {
            #expect(character.isLetterQuickly == character.isLetter)
            #expect(character.isLetterOrNumber == (character.isLetter || character.isNumber))
        }
    }

    @Test func alertNamesAreOneCamelCaseWord() {
        #expect(NamedAlertProse.isAlertName("EventsConsumerLagHigh"))
        #expect(NamedAlertProse.isAlertName("KubeAPIDown:"))
        #expect(!NamedAlertProse.isAlertName("Kube API Down"))
        #expect(!NamedAlertProse.isAlertName("API"))
        #expect(!NamedAlertProse.isAlertName("eventsLagHigh"))
        #expect(!NamedAlertProse.isAlertName("ÉventLagHigh"))
    }
}
