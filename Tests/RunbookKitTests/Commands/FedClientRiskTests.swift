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

/// A raw network client speaks the service's protocol: what it is fed is what it does.
struct FedNetworkClientRiskTests {
    @Test(arguments: [
        "printf 'flush_all\\r\\n' | nc mc-1.internal 11211", "echo shutdown | nc mc-1 11211",
        "echo \"flush_all\" | socat - TCP:mc-1:11211", "ncat cache 6379 <<< FLUSHALL",
        "printf 'stats\\r\\ndelete sess:1\\r\\n' | nc mc-1 11211"
    ])
    func aFlushOrAShutdownSentIsDestructive(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test func queriesSentAreReadAndOtherTextAChange() {
        #expect(riskOf("echo stats | nc mc-1 11211") == .read)
        #expect(riskOf("echo ruok | nc zk-1 2181") == .read)
        #expect(riskOf("nc -zv db-1 5432") == .read)
        #expect(riskOf("printf 'set k 0 0 1\\r\\nx\\r\\n' | nc mc-1 11211") == .change)
        #expect(riskOf("nc mc-1 11211 < commands.txt") == .change)
        #expect(riskOf("cat keys | nc mc-1 11211") == .change)
    }
}

/// A redirect that writes nothing empties its file: `: > state.db` loses what the file held.
struct EmptyingRedirectRiskTests {
    @Test(arguments: [
        ": > /var/lib/app/state.db", "> /var/log/app/app.log", "echo \"\" > /etc/nginx/nginx.conf",
        "cat /dev/null > /var/lib/app/queue.dat", "true > /var/lib/app/data.db",
        "sudo truncate -s 0 /var/lib/app/state.db"
    ])
    func emptyingIsDestructive(code: String) {
        let verdict = RiskRules.classify(code, language: "bash")
        #expect(verdict.risk == .destructive, "\(code): \(verdict.reason)")
    }

    @Test func writingSomethingIsAChangeAndAppendingNothingHarmless() {
        #expect(riskOf("echo 1 > /proc/sys/vm/drop_caches") == .change)
        #expect(riskOf("echo \"server 10.0.0.5;\" > /etc/nginx/upstream.conf") == .change)
        #expect(riskOf(": >> /var/log/app.log") == .change)
        #expect(riskOf("kubectl get pods > pods.txt") == .read)
    }
}
