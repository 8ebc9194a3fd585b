import Testing
@testable import RunbookKit

/// A client fed its commands on standard input runs what it is fed: `echo FLUSHALL | redis-cli`
/// is what FLUSHALL is, never the `read` of `echo`; fed from a file or a program, a change.
struct FedClientRiskTests {
    @Test(arguments: [
        "echo \"FLUSHALL\" | redis-cli -h cache-prod.internal", "printf 'DEL sess:1\\n' | redis-cli",
        "printf \"GET a\\nDEL sess:1\\n\" | redis-cli", "echo 'db.dropDatabase()' | mongosh",
        "redis-cli <<< \"FLUSHDB\"", "valkey-cli -n 2 <<EOF\nFLUSHDB\nEOF"
    ])
    func whatIsFedDecides(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test(arguments: ["redis-cli < cmds.txt", "cat keys.txt | redis-cli", "mongosh < fix.js"])
    func fedFromAFileOrAProgramIsAChange(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .change, "\(code): \(verdict.reason)")
        #expect(verdict.reason.contains("fed from"))
    }

    @Test func readingCommandsFedStayReadAndABareClientIsASession() {
        #expect(riskOf("echo INFO | redis-cli") == .read)
        #expect(riskOf("redis-cli <<< \"INFO memory\"") == .read)
        #expect(riskOf("redis-cli -h cache") == .read)
        #expect(riskOf("echo hello | base64 -d") == .read)
    }

    @Test func aProducerWritesAndARepairFlagChangesWhateverTheName() {
        #expect(riskOf("kafka-console-producer.sh --bootstrap-server k:9092 --topic invoices < in.json") == .change)
        #expect(riskOf("kafka-console-producer --bootstrap-server k:9092 --topic invoices") == .change)
        let repair = RiskRules.classify("./scripts/db-check.sh --repair orders-pg", language: "bash")
        #expect(repair.risk == .change, "\(repair.reason)")
        #expect(riskOf("./scripts/db-check.sh orders-pg") == .read)
    }

    /// In double quotes a backslash only escapes `$`, a backtick, `"` and `\`: `"a\nb"` keeps it.
    @Test func aBackslashInDoubleQuotesIsKeptBeforeOtherCharacters() {
        #expect(ShellParser.parse("printf \"a\\nb \\\"c\\\" \\$d\"").first?.words == ["printf", "a\\nb \"c\" $d"])
    }
}
