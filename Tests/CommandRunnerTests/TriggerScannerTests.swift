import Foundation
import IncidentKit
import Testing

@Suite struct TriggerScannerTests {
    /// For each line: the scanner finds a trigger in it exactly when the redactor says it might
    /// hold a secret.
    @Test func agreesWithTheRedactorLineByLine() {
        let redactor = Redactor.standard
        let scanner = TriggerScanner(redactor)
        let lines = ["plain text", "export API_TOKEN=abc", "Bearer eyJhbGciOi", "ghp_0123456789abcdef",
                     "postgres://u:pw@db/x", "nothing here", "the KEY is", "PaSsWoRd: x", "a b c", "x-",
                     "AKIAABCDEFGHIJKLMNOP", "--password hunter2", "ok"]
        for line in lines {
            var copy = line
            let found = copy.withUTF8 { scanner.next(in: $0, from: 0) != nil }
            #expect(found == redactor.mightContainSecret(line), "\(line)")
        }
    }

    @Test func findsTheFirstOccurrenceFromAnOffset() {
        let scanner = TriggerScanner(Redactor.standard)
        var text = "aaa token bbb secret"
        text.withUTF8 { bytes in
            #expect(scanner.next(in: bytes, from: 0) == 4)
            #expect(scanner.next(in: bytes, from: 5) == 14)
            #expect(scanner.next(in: bytes, from: 15) == nil)
        }
    }

    @Test func configuredPatternsWithoutTriggersMatchEverything() throws {
        let scanner = TriggerScanner(try Redactor(extra: ["internal-[0-9]+"]))
        #expect(scanner.matchesEverything)
    }
}
