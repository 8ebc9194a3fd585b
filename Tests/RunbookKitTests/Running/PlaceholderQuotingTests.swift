import Foundation
import Testing
@testable import RunbookKit

/// Every placeholder form in every quoting context, with values that try to escape: the prepared
/// text runs in the real interpreter, and the value must arrive byte for byte with nothing run.
@Suite struct PlaceholderQuotingTests {
    /// Shell: `(name, written form)`.
    static let shellForms = [
        ("the-value", "<the-value>"), ("VALUE", "$VALUE"), ("VALUE", "${VALUE}"), ("YOUR_VALUE", "YOUR_VALUE")
    ]

    /// Shell contexts: a command printing the placeholder once, and whether `$` forms count there.
    static let shellContexts: [(String, Bool)] = [
        ("printf '%s\\n' FORM", true),
        ("printf '%s\\n' 'FORM'", false),
        ("printf '%s\\n' \"FORM\"", true),
        ("printf '%s\\n' \"pre\"FORM'post' | sed -e 's/^pre//' -e 's/post$//'", true),
        ("printf '%s\\n' $'FORM'", false),
        ("printf '%s\\n' \"$(printf '%s' FORM)\"", true),
        ("printf '%s\\n' \"`printf '%s' FORM`\"", true),
        ("x=`printf '%s' \"FORM\"`; printf '%s\\n' \"$x\"", true),
        ("cat <<EOF\nFORM\nEOF", true),
        ("cat <<'EOF'\nFORM\nEOF", true),
        ("cat <<-\"END\"\n\tFORM\n\tEND", true),
        ("cat <<EOF; echo done >/dev/null\n\"FORM\" 'x'\nEOF", true)
    ]

    static func expectedShellOutput(_ template: String, _ value: String) -> String {
        // Command substitution drops trailing newlines; none of the values ends with one.
        if template.contains("\"FORM\" 'x'") { return "\"\(value)\" 'x'\n" }
        return value + "\n"
    }

    @Test(arguments: shellContexts.indices)
    func shellValuesStayData(contextIndex: Int) throws {
        let (template, dollarCounts) = Self.shellContexts[contextIndex]
        for (name, form) in Self.shellForms where dollarCounts || !form.hasPrefix("$") {
            let code = template.replacingOccurrences(of: "FORM", with: form)
            let command = runbookCommand(code)
            #expect(command.placeholders == [name], "\(code)")
            for value in HostileValues.common {
                // #11: a value starting with `-` where it starts a program's argument is refused (it would be an
                // option).
                if value.hasPrefix("-") && !template.contains("<<") && !template.contains("\"pre\"") {
                    #expect(throws: PrepareProblem.self, "\(code)") {
                        try RunPreparer.prepare(
                            command, values: [name: value], settings: RunnerSettings(), environment: testEnvironment)
                    }
                    continue
                }
                // A line break in a heredoc body is refused: a line of its own could end the body.
                if template.contains("<<") && value.contains(where: \.isNewline) {
                    #expect(throws: PrepareProblem.self, "\(code)") {
                        try RunPreparer.prepare(
                            command, values: [name: value], settings: RunnerSettings(), environment: testEnvironment)
                    }
                    continue
                }
                let prepared = try RunPreparer.prepare(
                    command, values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
                let run = try RealRun.run(prepared)
                #expect(!run.markerCreated, "ran code: \(prepared.text)")
                #expect(
                    run.text == Self.expectedShellOutput(template, value),
                    "\(prepared.text) → \(run.text) \(run.stderr)")
            }
        }
    }

    @Test func shellAssignmentAndFlagForms() throws {
        for (code, name) in [
            ("printf '%s\\n' --target=VERSION | sed 's/^--target=//'", "VERSION"),
            ("X=$VERSION; printf '%s\\n' \"$X\"", "VERSION"),
            ("X=<the-value>\nprintf '%s\\n' \"$X\"", "the-value")
        ] {
            let command = runbookCommand(code)
            #expect(command.placeholders == [name], "\(code)")
            for value in HostileValues.common {
                let prepared = try RunPreparer.prepare(
                    command, values: [name: value], settings: RunnerSettings(),
                    environment: testEnvironment)
                let run = try RealRun.run(prepared)
                #expect(!run.markerCreated, "ran code: \(prepared.text)")
                #expect(run.text == value + "\n", "\(prepared.text) → \(run.text) \(run.stderr)")
            }
        }
    }

    static let sqlForms = [("the-value", "<the-value>"), ("YOUR_VALUE", "YOUR_VALUE")]
    static let sqlContexts = ["SELECT 'FORM';", "SELECT FORM;", "SELECT \"FORM\";", "SELECT 'a' || 'FORM' || 'b';"]

    @Test(arguments: sqlContexts)
    func sqlValuesStayData(template: String) throws {
        var settings = RunnerSettings()
        settings.runners["sql"] = RunnerSettings.Runner(commandLine: "sqlite3")
        for (name, form) in Self.sqlForms {
            let code = template.replacingOccurrences(of: "FORM", with: form)
            let command = runbookCommand(code, language: "sql")
            #expect(command.placeholders == [name], "\(code)")
            // SQLite reads `""` as an empty name, not a string: the empty value is not asked of "…".
            for value in HostileValues.sql where !(value.isEmpty && template.contains("\"")) {
                // A line break is refused in SQL: it would end a `--` or `#` comment the value sat in.
                if value.contains(where: \.isNewline) {
                    #expect(throws: PrepareProblem.self, "\(code)") {
                        try RunPreparer.prepare(
                            command, values: [name: value], settings: settings, environment: testEnvironment)
                    }
                    continue
                }
                let prepared = try RunPreparer.prepare(
                    command, values: [name: value], settings: settings,
                    environment: testEnvironment)
                let run = try RealRun.run(prepared)
                #expect(!run.markerCreated, "ran SQL: \(prepared.text)")
                let expected = template.contains("||") ? "a\(value)b\n" : value + "\n"
                #expect(run.text == expected, "\(prepared.text) → \(run.text) \(run.stderr)")
            }
        }
    }

    @Test func sqlPlainNumbersAndNamesStayAsWritten() throws {
        let command = runbookCommand("SELECT <n> + 1 AS total LIMIT <n>;", language: "sql")
        #expect(
            try PlaceholderSubstitution.apply(
                command.code, language: "sql", names: command.placeholders,
                values: ["n": "41"]) == "SELECT 41 + 1 AS total LIMIT 41;")
        let name = runbookCommand("SELECT count(*) FROM <table-name>;", language: "sql")
        #expect(
            try PlaceholderSubstitution.apply(
                name.code, language: "sql", names: name.placeholders,
                values: ["table-name": "public.orders"]) == "SELECT count(*) FROM public.orders;")
        // `-5` after a minus would start a comment: only unsigned numbers stay bare.
        #expect(
            try PlaceholderSubstitution.apply("SELECT 1-<n>;", language: "sql", names: ["n"], values: ["n": "-5"])
                == "SELECT 1-'-5';")
    }

    static let pythonForms = [("the-value", "<the-value>"), ("YOUR_VALUE", "YOUR_VALUE")]
    static let pythonContexts = [
        "print(FORM)", "print(\"FORM\")", "print('FORM')", "print(\"\"\"FORM\"\"\")",
        "print('''x FORM''')", "print(f\"{1}FORM\")", "print(f'FORM{2}')",
        "print(b\"FORM\".decode())", "print(u'FORM')"
    ]

    static func expectedPythonOutput(_ template: String, _ value: String) -> String {
        if template.contains("{1}") { return "1" + value + "\n" }
        if template.contains("{2}") { return value + "2\n" }
        if template.contains("'''x ") { return "x " + value + "\n" }
        return value + "\n"
    }

    @Test(arguments: pythonContexts)
    func pythonValuesStayData(template: String) throws {
        var settings = RunnerSettings()
        settings.runners["python"] = RunnerSettings.Runner(commandLine: "\(python3Path) -")
        for (name, form) in Self.pythonForms {
            let code = template.replacingOccurrences(of: "FORM", with: form)
            let command = runbookCommand(code, language: "python")
            #expect(command.placeholders == [name], "\(code)")
            for value in HostileValues.python {
                let prepared = try RunPreparer.prepare(
                    command, values: [name: value], settings: settings,
                    environment: testEnvironment)
                let run = try RealRun.run(prepared)
                #expect(!run.markerCreated, "ran Python: \(prepared.text)")
                #expect(
                    run.text == Self.expectedPythonOutput(template, value),
                    "\(prepared.text) → \(run.text) \(run.stderr)")
            }
        }
    }

    @Test func runnerReadingAFileGetsTheSameText() throws {
        var settings = RunnerSettings()
        settings.runners["python"] = RunnerSettings.Runner(commandLine: "\(python3Path) {file}")
        let command = runbookCommand("print(\"<v>\")", language: "python")
        let prepared = try RunPreparer.prepare(
            command, values: ["v": "'; touch pwned #"], settings: settings,
            environment: testEnvironment)
        #expect(prepared.input == nil)
        let file = try #require(prepared.codeFile)
        #expect(prepared.arguments == ["-c", "\(python3Path) '\(file)'"])
        let run = try RealRun.run(prepared)
        #expect(run.text == "'; touch pwned #\n" && !run.markerCreated, "\(run.stderr)")
    }
}
