import Foundation
import Testing
@testable import RunbookKit

@Suite("Robustness")
struct CommandRobustnessTests {
    func timed(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test func unterminatedConstructsKeepTheRestAsOneCommand() {
        let quote = extractCommands("bash", "echo start\n\npsql -c \"SELECT 1;\n\n# x\necho never")
        #expect(quote.count == 2)
        #expect(quote.last?.code.hasSuffix("echo never") == true)
        let heredoc = extractCommands("bash", "cat <<EOF\nline\n\nmore")
        #expect(heredoc.count == 1)
        let ifBlock = extractCommands("bash", "if true; then\n\necho x")
        #expect(ifBlock.count == 1)
        _ = RiskRules.classify("echo \"unterminated $(foo", language: "bash")
        _ = Placeholders.find(in: "${UNTERMINATED <pod", language: "bash")
        _ = extractCommands("sql", "SELECT 'open\n\nstring")
        _ = extractCommands("console", "$ echo \"open\n> still")
    }

    @Test func binaryJunkDoesNotCrash() {
        var junk = ""
        var seed: UInt64 = 42
        for _ in 0..<20_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            junk.unicodeScalars.append(UnicodeScalar(UInt8(truncatingIfNeeded: seed >> 33)))
        }
        for info in ["bash", "", "sql", "console", "python", "yaml"] {
            _ = extractCommands(info, junk)
        }
        _ = CommandExtraction.inlineCommand(junk, line: 1)
        _ = Placeholders.find(in: junk, language: "bash")
    }

    @Test func megabyteSingleLineIsBounded() {
        let line = "kubectl get pods " + String(repeating: "a$B<c> 'q' \"d\" $(e) ", count: 50_000)
        #expect(line.utf8.count > 1_000_000)
        let elapsed = timed {
            let commands = extractCommands("bash", line)
            #expect(commands.count == 1)
        }
        #expect(elapsed < 20)
    }

    @Test func tenThousandLineBlock() {
        var lines: [String] = []
        for i in 0..<2_500 {
            lines.append("# step \(i)")
            lines.append("kubectl scale deployment/api-\(i) --replicas=$REPLICAS")
            lines.append("redis-cli -h $REDIS_HOST GET key:\(i)")
            lines.append("")
        }
        let code = lines.joined(separator: "\n")
        var commands: [ExtractedCommand] = []
        let elapsed = timed { commands = extractCommands("bash", code) }
        #expect(commands.count == 5_000)
        #expect(commands.last?.title == "step 2499")
        #expect(commands.suffix(2).map(\.placeholders) == [["REPLICAS"], ["REDIS_HOST"]])
        #expect(elapsed < 20)
    }

    @Test func deeplyNestedSubstitutions() {
        let nested = String(repeating: "$(echo ", count: 2_000) + "x" + String(repeating: ")", count: 2_000)
        _ = RiskRules.classify(nested, language: "bash")
        _ = extractCommands("bash", nested)
    }

    @Test func endlessWrappersAreBounded() {
        let sudo = String(repeating: "sudo ", count: 100_000) + "rm -rf /"
        #expect(RiskRules.classify(sudo, language: "bash").risk != .read)
        let watch = String(repeating: "watch ", count: 50_000) + "kubectl get pods"
        _ = extractCommands("bash", watch)
        let ssh = String(repeating: "ssh h ", count: 10_000) + "ls"
        _ = RiskRules.classify(ssh, language: "bash")
    }

    @Test func longSessionHeredocStaysLinear() {
        let body = (0..<10_000).map { "> line \($0) of the manifest" }.joined(separator: "\n")
        let code = "$ cat <<EOF | kubectl apply -f -\n" + body + "\n> EOF\nconfigured"
        var commands: [ExtractedCommand] = []
        let elapsed = timed { commands = extractCommands("console", code) }
        #expect(commands.count == 1)
        #expect(commands.first?.risk == .change)
        #expect(commands.first?.code.hasSuffix("\nEOF") == true)
        #expect(elapsed < 20)
    }
}
