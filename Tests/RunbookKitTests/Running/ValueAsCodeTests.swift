import Foundation
import Testing
@testable import RunbookKit

/// The constructs of issue #11 where a placeholder's value used to run as code: a second parser
/// the scanner did not recognise, shell arithmetic, a `#` that is not a comment, sqlite3
/// dot-commands. For each: the naive text (the value pasted in) really runs the payload in the
/// real interpreter (so the construct is live), and the prepared run either is refused or runs
/// with the marker file left uncreated.
@Suite struct ValueAsCodeTests {
    struct Construct: CustomStringConvertible, Sendable {
        var code: String
        var name: String
        var payload: String
        var tool: String
        /// The payload would run only against a live server, which the tests do not start.
        var needsServer = false
        var description: String { code }
    }

    static let constructs: [Construct] = [
        Construct(code: "echo \"echo <v>\" | sh", name: "v", payload: "x; touch pwned", tool: "sh"),
        Construct(code: "bash <<< \"echo <v>\"", name: "v", payload: "x; touch pwned", tool: "bash"),
        Construct(
            code: "echo hi | perl -ne 'print if /<v>/'", name: "v", payload: "/; system(qq{touch pwned}); /",
            tool: "perl"),
        Construct(
            code: "python3 -Bc \"print('<v>')\"", name: "v", payload: "'); open('pwned','w'); print('",
            tool: "python3"),
        Construct(
            code: "node -pe \"'<v>'\"", name: "v", payload: "' + require('fs').writeFileSync('pwned','') + '",
            tool: "node"),
        // Shown live only with a PostgreSQL server to connect to, which the tests do not start.
        Construct(
            code: "psql -tAc \"SELECT '<v>'\"", name: "v", payload: "'; \\! touch pwned\n--", tool: "psql",
            needsServer: true),
        Construct(code: "trap 'echo <v>' EXIT", name: "v", payload: "x; touch pwned", tool: "bash"),
        Construct(
            code: "flock /tmp/warroom-flock-test -c \"echo <v>\"", name: "v", payload: "x; touch pwned", tool: "flock"),
        Construct(code: "script -qc \"echo <v>\" /dev/null", name: "v", payload: "x; touch pwned", tool: "script"),
        Construct(code: "echo 1 | xargs sh -c \"echo <v>\"", name: "v", payload: "x; touch pwned", tool: "xargs"),
        Construct(code: "[[ <n> -gt 5 ]] && echo big", name: "n", payload: "a[$(touch pwned)]", tool: "bash"),
        Construct(code: "(( <n> > 5 )) && echo big", name: "n", payload: "a[$(touch pwned)]", tool: "bash"),
        Construct(code: "echo $(( <n> + 1 ))", name: "n", payload: "a[$(touch pwned)]", tool: "bash"),
        Construct(code: "declare -i x=<n>; echo $x", name: "n", payload: "a[$(touch pwned)]", tool: "bash"),
        Construct(code: "let x=<n>; echo $x", name: "n", payload: "a[$(touch pwned)]", tool: "bash"),
        // After `$(…)` a `#` is inside the word, not a comment.
        Construct(code: "echo $(echo a)#<v>", name: "v", payload: "$(touch pwned)", tool: "bash"),
        Construct(
            code: "echo \"SELECT '<v>';\" | sqlite3", name: "v", payload: "x';\n.shell touch pwned\nSELECT '",
            tool: "sqlite3"),
        // Inside `$(…)` bash ends a heredoc at a line starting `EOF)`, not only at `EOF`.
        Construct(
            code: "NOTE=\"$(cat <<'EOF'\nnote: <v>\nEOF\n)\"\necho \"$NOTE\"", name: "v",
            payload: "x\nEOF)\"; touch pwned; echo \"", tool: "bash"),
        Construct(
            code: "NOTE=\"$(cat <<EOF\nnote\nEOF)\"\necho \"$NOTE\" <v>", name: "v", payload: "x; touch pwned",
            tool: "bash")
    ]

    static func has(_ tool: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static func naive(_ c: Construct) -> String { c.code.replacingOccurrences(of: "<\(c.name)>", with: c.payload) }

    /// The construct is live: with the value pasted in as text, the real interpreter runs the payload.
    @Test(.enabled(if: has("bash")), arguments: constructs.filter { has($0.tool) && !$0.needsServer })
    func naiveTextRunsThePayload(_ c: Construct) throws {
        let run = try RealRun.run(
            RunPreparer.prepare(
                runbookCommand(Self.naive(c)), values: [:], settings: RunnerSettings(),
                environment: testEnvironment))
        #expect(run.markerCreated, "\(Self.naive(c)) did not run its payload: \(run.stderr)")
    }

    /// The prepared run refuses the hostile value (saying why) or keeps it data.
    @Test(arguments: constructs)
    func preparedRunNeverRunsThePayload(_ c: Construct) throws {
        let command = runbookCommand(c.code)
        #expect(command.placeholders == [c.name], "\(c.code)")
        let prepared: PreparedRun
        do {
            prepared = try RunPreparer.prepare(
                command, values: [c.name: c.payload], settings: RunnerSettings(),
                environment: testEnvironment)
        } catch {
            guard case .unsafeValue(let name, let reason) = error else { Issue.record("\(error)"); return }
            #expect(name == c.name && !reason.isEmpty)
            return
        }
        let run = try RealRun.run(prepared)
        #expect(!run.markerCreated, "ran the payload: \(prepared.text)")
    }

    /// A plain word or a number still goes where the construct puts it, and arrives as written.
    @Test func plainValuesStillRun() throws {
        for (code, name, value, expected) in [
            ("bash -c \"echo <v>\"", "v", "web-1.prod:8080", "web-1.prod:8080\n"),
            ("python3 -Bc \"print('<v>')\"", "v", "a=b,c@d", "a=b,c@d\n"),
            ("[[ <n> -gt 5 ]] && echo big", "n", "7", "big\n"),
            ("echo $(( <n> + 1 ))", "n", "-3", "-2\n"),
            ("echo $(echo a)#<v>", "v", "it's $(x)", "a#it's $(x)\n")
        ] {
            let prepared = try RunPreparer.prepare(
                runbookCommand(code), values: [name: value], settings: RunnerSettings(),
                environment: testEnvironment)
            let run = try RealRun.run(prepared)
            #expect(run.text == expected, "\(prepared.text) → \(run.text) \(run.stderr)")
        }
    }

    /// In a numeric spot a name is refused too: bash would evaluate it.
    @Test func numericSpotsTakeOnlyNumbers() {
        for code in ["[[ <n> -gt 5 ]]", "(( <n> > 5 ))", "declare -i x=<n>", "arr[<n>]=1"] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: ["n": "HOME"], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
        }
    }

    /// A value that is not a plain word still works where every command takes it as data.
    @Test func knownDataProgramsTakeAnyValue() throws {
        let value = "it's \"quoted\" $(touch pwned) `touch pwned` a b *"
        for code in [
            "printf '%s\\n' \"<v>\" | grep -F it", "echo <v> | sed 's/x/x/'",
            "kubectl get pod -- <v> 2>/dev/null; echo \"<v>\""
        ] {
            let prepared = try RunPreparer.prepare(
                runbookCommand(code), values: ["v": value], settings: RunnerSettings(),
                environment: testEnvironment)
            let run = try RealRun.run(prepared)
            #expect(!run.markerCreated && run.text == value + "\n", "\(prepared.text) → \(run.text) \(run.stderr)")
        }
    }

    /// Options: a value starting with `-` cannot become one, unless the runbook ends the options with `--`.
    @Test func valuesCannotBeOptions() throws {
        for (code, name, value) in [
            ("ssh <host> uptime", "host", "-oProxyCommand=touch pwned"),
            ("git log <ref>", "ref", "--output=pwned"),
            ("kubectl delete pod <pod>", "pod", "--all"),
            ("echo \"<v>\"", "v", "-e"),
            ("grep '<v>' file", "v", "-r")
        ] {
            let problem = #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
            #expect(problem?.description.contains("option") == true)
        }
        let after = try RunPreparer.prepare(
            runbookCommand("printf '%s\\n' -- <v> | tail -n 1"), values: ["v": "--all"],
            settings: RunnerSettings(), environment: testEnvironment)
        #expect(try RealRun.run(after).text == "--all\n")
    }

    /// MySQL reads `\` as an escape inside strings: it is doubled for a mysql runner, not for others.
    @Test func mysqlQuotingEscapesBackslash() throws {
        let code = "SELECT '<v>';"
        let mysql = try PlaceholderSubstitution.apply(
            code, language: "mysql", names: ["v"], values: ["v": "a\\' OR 1 -- "],
            backslashEscapes: true)
        #expect(mysql == "SELECT 'a\\\\'' OR 1 -- ';")
        #expect(
            RunPreparer.readsBackslashEscapes("sql", "mysql --batch") && RunPreparer.readsBackslashEscapes("mysql", "x")
        )
        #expect(!RunPreparer.readsBackslashEscapes("sql", "psql -f -"))
    }

    /// In a SQL value spot a bare name is not a value: it becomes a string; in a count spot only a number goes.
    @Test func sqlSpots() throws {
        #expect(
            try PlaceholderSubstitution.apply(
                "SELECT * FROM t WHERE id = <id>;", language: "sql", names: ["id"],
                values: ["id": "id"]) == "SELECT * FROM t WHERE id = 'id';")
        #expect(throws: PrepareProblem.self) {
            try PlaceholderSubstitution.apply(
                "SELECT * FROM t LIMIT <n>;", language: "sql", names: ["n"], values: ["n": "1; DROP"])
        }
        #expect(throws: PrepareProblem.self) {
            try PlaceholderSubstitution.apply(
                "SELECT * FROM <t>;", language: "sql", names: ["t"], values: ["t": "t; DROP TABLE x"])
        }
    }

    /// A data program's subcommand that runs a command of its own makes its words code: only plain
    /// words go there, and the `--` before that command does not end the command's own options.
    @Test func commandsRunByAProgramAreNotData() {
        for (code, name, value) in [
            ("echo \"<v>\" | kubectl exec -i web-1 -- sh", "v", "x; touch pwned"),
            ("git rebase -x \"echo verified <v>\" HEAD~1", "v", "INC-1; touch pwned"),
            ("docker exec -i web sh -c 'cat' <<< \"<v>\"", "v", "x; touch pwned"),
            ("kubectl exec web-1 -- sort <v>", "v", "-o/tmp/victim"),
            ("sudo -- sort <v>", "v", "-o/etc/passwd"),
            ("gcloud compute ssh vm-1 --command \"sudo systemctl restart <v>\"", "v", "a; touch pwned")
        ] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
        }
        #expect(ShellDataPolicy.optionsEnded(["sort", "--"]))
        #expect(!ShellDataPolicy.optionsEnded(["kubectl", "exec", "web-1", "--", "sort"]))
        #expect(ShellDataPolicy.optionsEnded(["kubectl", "exec", "web-1", "--", "sort", "--"]))
        #expect(!ShellDataPolicy.optionsEnded(["sudo", "--", "sort"]))
    }

    /// SQL a client runs from a shell string: a bare value spot takes only a number, a quoted one
    /// any text; a psql backslash command only plain words; a line break never (it ends a comment).
    @Test func sqlInsideAShellStringAndPsqlBackslashCommands() throws {
        let update = "psql -c \"UPDATE accounts SET locked = true WHERE id = <id>\""
        #expect(throws: PrepareProblem.self) {
            try RunPreparer.prepare(
                runbookCommand(update), values: ["id": "id"], settings: RunnerSettings(), environment: testEnvironment)
        }
        let numbered = try RunPreparer.prepare(
            runbookCommand(update), values: ["id": "42"], settings: RunnerSettings(), environment: testEnvironment)
        #expect(numbered.text.hasSuffix("WHERE id = 42\""))
        let quoted = try RunPreparer.prepare(
            runbookCommand("psql -c \"SELECT * FROM users WHERE email = '<email>'\""), values: ["email": "a@b.c"],
            settings: RunnerSettings(), environment: testEnvironment)
        #expect(quoted.text.contains("'a@b.c'"))
        #expect(throws: PrepareProblem.self) {
            try PlaceholderSubstitution.apply(
                "\\set cust '<email>'\nSELECT 1;", language: "sql", names: ["email"],
                values: ["email": "x\\' \\! touch pwned #"])
        }
        #expect(throws: PrepareProblem.self) {
            try PlaceholderSubstitution.apply(
                "SELECT id FROM t WHERE id = 42 # for <ticket>", language: "sql", names: ["ticket"],
                values: ["ticket": "x\nDROP TABLE t; -- "])
        }
        #expect(RunPreparer.readsBackslashEscapes("sql", "kubectl exec -i mysql-0 -- mysql app"))
    }

    /// A value inside a second language's string within one shell word: a JSON string in a
    /// single-quoted body, a helm `--set` list.
    @Test func valuesInsideAJSONStringOrAHelmSetList() throws {
        let json = "curl -X POST https://flags/api -d '{\"dry_run\": true, \"flag\": \"<flag>\"}'"
        #expect(throws: PrepareProblem.self) {
            try RunPreparer.prepare(
                runbookCommand(json), values: ["flag": "x\", \"dry_run\": false, \"y\": \""],
                settings: RunnerSettings(), environment: testEnvironment)
        }
        let plain = try RunPreparer.prepare(
            runbookCommand(json), values: ["flag": "new-checkout"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(plain.text.contains("\"flag\": \"new-checkout\""))
        let helm = "helm upgrade api ./chart --set image.tag=<tag>"
        #expect(throws: PrepareProblem.self) {
            try RunPreparer.prepare(
                runbookCommand(helm), values: ["tag": "v1,image.repository=evil/x"], settings: RunnerSettings(),
                environment: testEnvironment)
        }
        #expect(
            try RunPreparer.prepare(
                runbookCommand(helm), values: ["tag": "v1.2.3"], settings: RunnerSettings(),
                environment: testEnvironment
            ).text.hasSuffix("image.tag='v1.2.3'"))
    }

    /// An empty value can widen what a command acts on: refused wherever it lands.
    /// A value where a shell that reads the text again expects its program would be that program.
    @Test func aValueCannotBeTheProgramOfAnInnerShell() {
        for code in [
            "bash -c \"<cmd>\"", "bash -c \"<cmd> --now\"", "ssh db1 \"<cmd>\"", "sh -c '<cmd>'",
            "bash -c \"uptime; <cmd>\""
        ] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: ["cmd": "reboot"], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
        }
    }

    @Test func emptyValuesAreRefused() {
        for code in ["aws s3 rm s3://backups/<prefix> --recursive", "rm -rf /var/cache/app/<dir>/", "echo \"<v>\""] {
            let name = Placeholders.find(in: code, language: "bash").first ?? "v"
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: [name: ""], settings: RunnerSettings(), environment: testEnvironment)
            }
        }
    }

    /// What a pipeline stage writes for a later stage that runs it as a program is code: no value
    /// goes there; SQL piped or fed by heredoc to a client follows the bare-value rule; a heredoc
    /// delimiter quoted `$'EOF'` and two heredocs on one line are read as bash reads them.
    @Test func pipedIntoAProgramAndHeredocsAsBashReadsThem() throws {
        for (code, values) in [
            ("echo \"<msg>\" | kubectl exec -i web-1 -- sh", ["msg": "/tmp/evil"]),
            ("echo \"<msg>\" | docker run -i --rm alpine sh", ["msg": "reboot"]),
            ("cat <<EOF | kubectl exec -i web-1 -- sh\necho <msg>\nEOF", ["msg": "hello"]),
            ("echo \"DELETE FROM s WHERE id = <id>;\" | psql -h db1 app", ["id": "id"]),
            ("psql -h db1 app <<SQL\nDELETE FROM s WHERE id = <id>;\nSQL", ["id": "id"])
        ] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: values, settings: RunnerSettings(), environment: testEnvironment)
            }
        }
        let quoted = try RunPreparer.prepare(
            runbookCommand("echo \"SELECT * FROM u WHERE email = '<email>'\" | psql -h db1 app"),
            values: ["email": "a@b.c"], settings: RunnerSettings(), environment: testEnvironment)
        #expect(quoted.text.contains("'a@b.c'"))
        for code in ["cat <<$'EOF'\nnote\nEOF\necho <v>", "cat <<'A' <<B\nfirst\nA\n<v>\nB"] {
            let prepared = try RunPreparer.prepare(
                runbookCommand(code), values: ["v": "$(touch pwned)"], settings: RunnerSettings(),
                environment: testEnvironment)
            let run = try RealRun.run(prepared)
            #expect(!run.markerCreated, "ran the payload: \(prepared.text)")
        }
    }

    /// A script language's program takes no `/` or `,` from a value (sed's address, jq's filter);
    /// make and env read `NAME=VALUE` operands as settings; a value from the environment is judged
    /// in the text that will run, as one given with --set is.
    @Test func scriptProgramsAssignmentsAndEnvironmentValues() throws {
        for (code, name, value) in [
            ("sed -n '/<pat>/p' logs/a.log", "pat", "hi/e/tmp/x"), ("jq '.<f>' x.json", "f", "a,env"),
            ("make -C /srv/app <t>", "t", "SHELL=/tmp/evil")
        ] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
        }
        #expect(
            try RunPreparer.prepare(
                runbookCommand("sed -n '/<pat>/p' logs/a.log"), values: ["pat": "timeout"], settings: RunnerSettings(),
                environment: testEnvironment
            ).text == "sed -n '/timeout/p' logs/a.log")
        var environment = testEnvironment
        environment["VERB"] = "delete"
        let run = try RunPreparer.prepare(
            runbookCommand("kubectl $VERB namespace payments"), values: [:], settings: RunnerSettings(),
            environment: environment)
        #expect(run.risk == .destructive)
    }

    /// Values in a URL keep to their part of it, a value never names a local file for curl or aws
    /// to send, and `<table>` unquoted in shell is a placeholder, not two redirections.
    @Test func urlPartsLocalFilesAndTagNamedPlaceholders() throws {
        for (code, name, value) in [
            ("curl \"https://<tenant>.api.internal/v1/status\"", "tenant", "evil.example/"),
            ("curl -sS \"https://api.internal/v1/users/<user>/roles\"", "user", "../../admin"),
            ("curl -sS \"https://api.internal/v1/search?q=<q>&limit=10\"", "q", "a&role=admin"),
            ("curl -X POST https://hooks.internal/notify -d <payload>", "payload", "@/etc/shadow"),
            ("aws sns publish --topic-arn arn:x --message <msg>", "msg", "file:///root/.aws/credentials"),
            ("sysctl <name>", "name", "kernel.sysrq=1")
        ] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
        }
        let fine = try RunPreparer.prepare(
            runbookCommand("curl -sS \"https://<tenant>.api.internal/v1/users/<user>?q=<q>\""),
            values: ["tenant": "acme-prod", "user": "jdoe", "q": "time out"], settings: RunnerSettings(),
            environment: testEnvironment)
        #expect(fine.text.contains("acme-prod.api.internal/v1/users/jdoe"))
        #expect(runbookCommand("wc -l <table> victim.txt").placeholders == ["table"])
        #expect(runbookCommand("echo \"<b>bold</b>\"").placeholders.isEmpty, "HTML in quotes is text")
    }

    /// The third probe: arithmetic `<<` is no heredoc, a `case` pattern's `)` closes no `$(…)`, perl
    /// takes no `:` or `/`, a bare JSON value only a number, curl forms no `<` or `@`, a URL only
    /// http(s), psql's database no `=`, and a psql backslash command anywhere on a line only plain
    /// words.
    @Test func thirdProbeConstructs() throws {
        // Read as bash reads them, the value is one quoted word.
        for code in [
            "(( bytes=1<<30 ))\nkubectl get pod <v>", "echo \"$(case prod in prod) echo <v> ;; *) echo none ;; esac)\""
        ] {
            let prepared = try RunPreparer.prepare(
                runbookCommand(code), values: ["v": "x; touch pwned"], settings: RunnerSettings(),
                environment: testEnvironment)
            #expect(prepared.text.contains("'x; touch pwned'"), "\(prepared.text)")
        }
        for (code, name, value) in [
            ("perl -ne 'print if /<pattern>/' app.log", "pattern", "x/,qx:/tmp/evil:,/"),
            ("kubectl patch deployment payments -p '{\"spec\":{\"replicas\":<n>}}'", "n", "1,\"template\":{}"),
            ("curl -F \"note=<note>\" https://x/upload", "note", "</etc/hostname"),
            ("curl -s <url>", "url", "gopher://127.0.0.1:6390/_FLUSHALL"),
            ("psql <db> -c \"SELECT 1\"", "db", "host=evil.example.com")
        ] {
            #expect(throws: PrepareProblem.self, "\(code)") {
                try RunPreparer.prepare(
                    runbookCommand(code), values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
            }
        }
        #expect(throws: PrepareProblem.self) {
            try PlaceholderSubstitution.apply(
                "SELECT * FROM t \\g <outfile>", language: "sql", names: ["outfile"],
                values: ["outfile": "|touch pwned"])
        }
        #expect(
            try RunPreparer.prepare(
                runbookCommand("kubectl patch deployment payments -p '{\"spec\":{\"replicas\":<n>}}'"),
                values: ["n": "3"],
                settings: RunnerSettings(), environment: testEnvironment
            ).text.contains("\"replicas\":3"))
        #expect(runbookCommand("perl -le 'print for grep { /<pat>/ } <STDIN>'").placeholders == ["pat"])
    }

    /// Only a script program's program is code: the files after it take paths.
    @Test func filesAfterAScriptProgramArePaths() throws {
        for code in ["sed -i 's/debug/info/' <file>", "jq '.items' <file>"] {
            let prepared = try RunPreparer.prepare(
                runbookCommand(code), values: ["file": "/etc/app/app.conf"], settings: RunnerSettings(),
                environment: testEnvironment)
            #expect(prepared.text.hasSuffix("'/etc/app/app.conf'"), "\(prepared.text)")
        }
        #expect(throws: PrepareProblem.self) {
            try RunPreparer.prepare(
                runbookCommand("sed -n '/<pat>/p' logs/a.log"), values: ["pat": "hi/e/tmp/x"],
                settings: RunnerSettings(),
                environment: testEnvironment)
        }
    }
}
