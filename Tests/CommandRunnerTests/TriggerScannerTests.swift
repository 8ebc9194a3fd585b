import Foundation
import IncidentKit
import Testing

@Suite struct TriggerScannerTests {
    /// For each line: the scanner finds a trigger in it whenever the redactor says it might hold a
    /// secret; the redactor may then rule more out (`x-` alone is no header, `the KEY is` no
    /// assignment).
    @Test func neverPassesOverALineTheRedactorWouldRead() {
        let redactor = Redactor.standard
        let scanner = TriggerScanner(redactor)
        let withTrigger = [
            "export API_TOKEN=abc", "Bearer eyJhbGciOi", "ghp_0123456789abcdef", "postgres://u:pw@db/x", "the KEY is",
            "PaSsWoRd: x", "x-", "AKIAABCDEFGHIJKLMNOP", "--password hunter2"
        ]
        for line in withTrigger + ["plain text", "nothing here", "a b c", "ok"] {
            var copy = line
            let found = copy.withUTF8 { scanner.next(in: $0, from: 0) != nil }
            #expect(found == withTrigger.contains(line), "\(line)")
            #expect(found || !redactor.mightContainSecret(line), "\(line)")
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

@Suite struct TriggerScannerExhaustiveTests {
    /// At every offset of a text made of trigger pieces, near misses and mixed case, the scanner
    /// finds the same first occurrence as a plain search for each trigger word.
    @Test func findsWhatAPlainSearchFinds() {
        let scanner = TriggerScanner(Redactor.standard)
        let words = [
            "PassWord", "pas", "to ken", "TOKEN", "ghp_", "gh_p", "://", ":/", "--", "-", "AKIA", "aki",
            "sk-", "s k", "Secret", "credentiaL", "kEy", "k", "xox", "_live_", "_test", "aiza", "basic",
            "bearer", "identified", "private key", "Private  key", "é", "\n", " "
        ]
        let triggers = [
            "private key", "akia", "asia", "agpa", "aida", "aroa", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
            "github_pat_", "glpat-", "xox", "_live_", "_test_", "sk-", "aiza", "bearer", "token", "basic",
            "://", "password", "identified", "--", "pass", "pwd", "secret", "key", "credential",
            // #11's patterns: credential headers, JWTs, short password options, webhooks, npm.
            "authorization", "cookie", "x-", "eyj", "mysql", "mariadb", "redis-cli", "sshpass", "login", "-u",
            "--user", "--proxy-user", "hooks.slack.com", "_auth", "_password", "npm_"
        ]
        var state: UInt64 = 7
        var text = ""
        for _ in 0..<400 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += words[Int((state >> 33) % UInt64(words.count))]
        }
        let bytes = Array(text.utf8)
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let startsTrigger = lower.indices.map { i in triggers.contains { lower[i...].starts(with: Array($0.utf8)) } }
        func plainNext(_ from: Int) -> Int? { (from..<lower.count).first { startsTrigger[$0] } }
        bytes.withUnsafeBufferPointer { buffer in
            for from in 0...bytes.count {
                #expect(scanner.next(in: buffer, from: from) == plainNext(from), "from \(from)")
            }
        }
    }
}
