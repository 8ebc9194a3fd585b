import Testing
@testable import RunbookKit

/// The scanners' view of where each placeholder sits, and the values refused where no quoting is safe.
@Suite struct PlaceholderOccurrenceTests {
    func contexts(_ code: String, _ language: String = "bash") -> [String: [QuotingContext]] {
        let found = PlaceholderOccurrences.find(in: code, language: language) ?? []
        return Dictionary(grouping: found, by: \.name).mapValues { $0.map(\.context) }
    }

    @Test func shellContextsAndRanges() throws {
        let code = "kubectl logs <pod> -n \"$NS\" | grep '<pattern>' # see <pod>\necho `echo ${NS}`"
        let found = try #require(PlaceholderOccurrences.find(in: code, language: "bash"))
        #expect(found.map(\.written) == ["<pod>", "$NS", "<pattern>", "<pod>", "${NS}"])
        #expect(found.map(\.context) == [.unquoted, .doubleQuoted, .singleQuoted, .comment, .unquoted])
        #expect(found.map(\.backticks) == [0, 0, 0, 0, 1])
        let bytes = Array(code.utf8)
        for occurrence in found {
            #expect(String(decoding: bytes[occurrence.range], as: UTF8.self) == occurrence.written)
        }
    }

    @Test func shellSingleQuotesKeepDollarLiteral() {
        // `$NS` inside '…' is text for the shell; only the unquoted one is the placeholder.
        let found = PlaceholderOccurrences.find(in: "echo $NS '$NS'", language: "bash", names: ["NS"]) ?? []
        #expect(found.map(\.range) == [5..<8])
    }

    @Test func heredocBodies() {
        let code = "psql <<SQL\nSELECT '<id>';\nSQL\ncat <<'EOF'\n$TOKEN <id>\nEOF\necho <id>"
        let c = contexts(code)
        #expect(
            c["id"] == [
                .heredoc(delimiter: "SQL", quoted: false, stripsTabs: false),
                .heredoc(delimiter: "EOF", quoted: true, stripsTabs: false), .unquoted
            ])
        #expect(c["TOKEN"] == [.heredoc(delimiter: "EOF", quoted: true, stripsTabs: false)])
        // Neither a here-string nor a shift starts a heredoc.
        #expect(contexts("grep x <<<\"$ID\"\necho $ID")["ID"] == [.doubleQuoted, .unquoted])
        #expect(contexts("echo $((1<<2)) <id>\necho <id>")["id"] == [.unquoted, .unquoted])
        // A substitution inside an unquoted body is code again.
        #expect(contexts("cat <<EOF\n$(echo <id>)\nEOF")["id"] == [.unquoted])
    }

    @Test func sqlContexts() {
        let code = "SELECT \"<col>\", E'<x>' FROM t WHERE a = '<x>' AND b = <x> -- <x>\n/* <x> */ SELECT $$ <x> $$"
        #expect(
            contexts(code, "sql")["x"] == [
                .escapeString, .singleQuoted, .unquoted, .comment, .comment,
                .dollarQuoted(tag: "$$")
            ])
        #expect(contexts(code, "sql")["col"] == [.doubleQuoted])
    }

    @Test func pythonContexts() {
        let code = "client.get(<key>, f'{x}<key>', r\"<key>\", b'''<key>''')  # <key>"
        #expect(
            contexts(code, "python")["key"] == [
                .unquoted, .pythonString(quote: "'", prefix: "f"),
                .pythonString(quote: "\"", prefix: "r"),
                .pythonString(quote: "'''", prefix: "b"), .comment
            ])
    }

    @Test func unknownLanguagesHaveNoQuotingRules() {
        #expect(PlaceholderOccurrences.find(in: "GET <key>", language: "redis") == nil)
    }

    func refusal(_ code: String, _ values: [String: String], _ language: String = "bash") -> PrepareProblem? {
        do {
            _ = try PlaceholderSubstitution.apply(code, language: language, names: Array(values.keys), values: values)
            return nil
        } catch { return error }
    }

    @Test func valuesThatCannotBeMadeSafeAreRefused() {
        // A line equal to the delimiter would end the heredoc and run the rest as commands.
        #expect(refusal("cat <<EOF\n<v>\nEOF", ["v": "EOF"]) != nil)
        #expect(refusal("cat <<'EOF'\nx <v>\nEOF", ["v": "y\nEOF\ntouch pwned"]) != nil)
        #expect(refusal("cat <<-EOF\n\t<v>\n\tEOF", ["v": "\tEOF"]) != nil)
        #expect(refusal("cat <<EOF\n<v>\nEOF", ["v": "EOF2"]) == nil)
        // A line break ends a comment.
        #expect(refusal("true # for <v>", ["v": "x\ntouch pwned"]) != nil)
        #expect(refusal("SELECT 1; -- <v>", ["v": "x\nDROP TABLE t"], "sql") != nil)
        #expect(refusal("SELECT 1 /* <v> */", ["v": "*/ DROP TABLE t /*"], "sql") != nil)
        // NUL bytes cannot be passed to any process.
        #expect(
            refusal("echo <v>", ["v": "a\u{0}b"])
                == .unsafeValue(name: "v", reason: "it contains a NUL byte, which no command can carry"))
        // Raw Python strings have no escapes; a $$ body may be code.
        #expect(refusal("print(r'<v>')", ["v": "a'b"], "python") != nil)
        #expect(refusal("print(r'<v>')", ["v": "ab"], "python") == nil)
        // Inside an f-string's {…} the value would be an expression: only plain numbers are taken.
        #expect(refusal("print(f\"{YOUR_N}\")", ["YOUR_N": "exec(chr(49))"], "python") != nil)
        #expect(refusal("print(f\"{x:{YOUR_N}}\")", ["YOUR_N": "exec(chr(49))"], "python") != nil)
        #expect(refusal("print(f\"{{YOUR_N}} {YOUR_N + 1}\")", ["YOUR_N": "41"], "python") == nil)
        #expect(refusal("DO $$ BEGIN PERFORM <v>; END $$", ["v": "1); DROP TABLE t; --"], "sql") != nil)
        // No quoting rules: refuse rather than guess.
        if case .unsafeValue(let name, _)? = refusal("GET <key>", ["key": "x"], "redis") {
            #expect(name == "key")
        } else {
            Issue.record("redis values should be refused")
        }
    }

    @Test func quotedSpellings() throws {
        func q(_ v: String, _ c: QuotingContext, _ l: QuotingLanguage = .shell, ticks: Int = 0) throws -> String {
            try ValueQuoting.quote(v, in: c, language: l, backticks: ticks)
        }
        #expect(try q("it's", .unquoted) == "'it'\\''s'")
        #expect(try q("it's", .singleQuoted) == "it'\\''s")
        #expect(try q("a\"$`\\!", .doubleQuoted) == "a\\\"\\$\\`\\\\!")
        #expect(try q("`x`", .unquoted, ticks: 1) == "'\\`x\\`'")
        #expect(try q("O'Hara", .singleQuoted, .sql) == "O''Hara")
        #expect(try q("a b", .unquoted, .sql) == "'a b'")
        #expect(try q("say \"hi\"\n", .unquoted, .python) == "\"say \\\"hi\\\"\\n\"")
        #expect(try q("{x}", .pythonString(quote: "'", prefix: "f"), .python) == "{{x}}")
        #expect(try q("é", .pythonString(quote: "'", prefix: "b"), .python) == "\\xc3\\xa9")
    }
}

/// Text a second parser reads as code: only inert values go there.
@Suite struct NestedCodeTests {
    func reparsed(_ code: String) -> [String?] {
        (PlaceholderOccurrences.find(in: code, language: "bash") ?? []).map(\.reparsedBy)
    }

    @Test func spotsTextReadAgainAsCode() {
        #expect(reparsed("ssh <host> \"sudo systemctl restart <service>\"") == [nil, "ssh"])
        #expect(reparsed("ssh -i ~/.ssh/id -p 22 db1 tail -n 50 <file>") == ["ssh"])
        #expect(reparsed("sudo -u postgres psql -c \"SELECT * FROM t WHERE id = '<id>'\"") == ["psql -c"])
        #expect(reparsed("kubectl exec -it <pod> -- sh -c 'ls <dir>'") == [nil, "sh -c"])
        #expect(reparsed("eval echo <x>; echo <x>") == ["eval", nil])
        #expect(reparsed("watch -n 5 kubectl get pod <pod>") == ["watch"])
        #expect(reparsed("echo \"$(bash -c 'echo <x>')\" <x>") == ["bash -c", nil])
        #expect(
            reparsed("psql \"$DATABASE_URL\" <<SQL\nSELECT '<id>';\nSQL\ncat <<EOF\n<id>\nEOF") == [nil, "psql", nil])
        #expect(reparsed("python3 -c \"print('<x>')\"") == ["python3 -c"])
        #expect(reparsed("sqlite3 app.db \"SELECT '<x>'\"") == ["sqlite3"])
        #expect(reparsed("awk '{ print \"<x>\" }' log | sed -n '/<y>/p'") == ["awk", "sed"])
        #expect(reparsed("kubectl logs <pod> | grep <pattern> # ssh <pod>") == [nil, nil, nil])
    }

    @Test func onlyInertValuesAreUsedThere() throws {
        let command = runbookCommand("ssh db1 \"sudo systemctl restart <service>\"")
        let ok = try RunPreparer.prepare(
            command, values: ["service": "pg-main_14.service"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(ok.text == "ssh db1 \"sudo systemctl restart pg-main_14.service\"")
        for value in ["x; touch pwned", "$(touch pwned)", "a b", "it's", "1--", "x/*", ""] {
            do {
                _ = try RunPreparer.prepare(
                    command, values: ["service": value], settings: RunnerSettings(), environment: testEnvironment)
                Issue.record("\(value) was let into a remote command")
            } catch {
                guard case .unsafeValue(let name, _) = error else { Issue.record("\(error)"); continue }
                #expect(name == "service")
            }
        }
    }

    /// For real: `bash -c` inside bash, the inner shell sees the value as a plain word.
    @Test func innerShellGetsThePlainValue() throws {
        let command = runbookCommand("bash -c \"printf '%s\\n' <v>\"")
        let run = try RealRun.run(
            RunPreparer.prepare(
                command, values: ["v": "web-7f9c:8080/ü"], settings: RunnerSettings(),
                environment: testEnvironment))
        #expect(run.text == "web-7f9c:8080/ü\n", "\(run.stderr)")
    }
}
