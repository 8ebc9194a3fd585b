import Foundation

/// Decides which process runs a command of a language: a configured runner (`/bin/sh -c LINE`,
/// the code on stdin or in a `{file}`), else bash for shell languages, else nothing.
/// Looks programs up on PATH but starts nothing.
enum RunnerResolution {
    struct Resolved: Equatable {
        var name: String
        var executable: String
        var arguments: [String]
        var input: String?
        var environment: [String: String]
        var workingDirectory: String?
        var codeFile: String?
    }

    static let posixShells: Set<String> = ["sh", "dash", "ash", "posix"]

    static func resolve(
        language: String, text: String, commandId: Int, settings: RunnerSettings,
        environment: [String: String]
    ) throws(PrepareProblem) -> Resolved {
        let lang = language.lowercased()
        if let runner = settings.runners[lang] {
            var env = settings.environment
            env.merge(runner.environment) { _, own in own }
            var lookupEnv = environment
            lookupEnv.merge(env) { _, own in own }
            guard let program = programWord(runner.commandLine) else {
                throw .runnerNotFound(language: language, program: runner.commandLine)
            }
            guard find(program, environment: lookupEnv) != nil else {
                throw .runnerNotFound(language: language, program: program)
            }
            var line = runner.commandLine
            var input: String? = text
            var codeFile: String? = nil
            if line.contains("{file}") {
                let path = temporaryPath(commandId: commandId, language: lang, environment: environment)
                let quotedPath = "'" + ValueQuoting.replacing(path, "'", with: "'\\''") + "'"
                line = line.replacingOccurrences(of: "{file}", with: quotedPath)
                input = nil
                codeFile = path
            }
            return Resolved(
                name: runner.commandLine, executable: "/bin/sh", arguments: ["-c", line], input: input,
                environment: env, workingDirectory: runner.workingDirectory ?? settings.workingDirectory,
                codeFile: codeFile)
        }
        guard QuotingLanguage(language: lang) == .shell else { throw .noRunner(language: language) }
        var lookupEnv = environment
        lookupEnv.merge(settings.environment) { _, own in own }
        let shell: String
        if posixShells.contains(lang) {
            shell = "/bin/sh"
        } else {
            let name = lang == "zsh" ? "zsh" : "bash"
            guard let found = find(name, environment: lookupEnv) else {
                throw .runnerNotFound(language: language, program: name)
            }
            shell = found
        }
        return Resolved(
            name: (shell as NSString).lastPathComponent, executable: shell, arguments: ["-c", text], input: nil,
            environment: settings.environment, workingDirectory: settings.workingDirectory, codeFile: nil)
    }

    /// The program a runner line starts: the first word after `VAR=value` assignments and `env`
    /// (with its options and assignments).
    static func programWord(_ line: String) -> String? {
        guard let command = ShellParser.parse(line).first else { return nil }
        var words = command.words[...]
        if words.first == "env" || words.first?.hasSuffix("/env") == true {
            words = words.dropFirst()
            while let w = words.first {
                if w == "-u" || w == "--unset" || w == "-C" || w == "--chdir" { words = words.dropFirst(2); continue }
                if w.hasPrefix("-") || ShellParser.isAssignment(w) { words = words.dropFirst(); continue }
                break
            }
        }
        return words.first
    }

    /// Absolute path of `program`: as given when it has a `/`, else the first executable on PATH.
    static func find(_ program: String, environment: [String: String]) -> String? {
        let fm = FileManager.default
        if program.contains("/") { return fm.isExecutableFile(atPath: program) ? program : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(dir)/\(program)"
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue,
                fm.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    static func temporaryPath(commandId: Int, language: String, environment: [String: String]) -> String {
        let dir = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let ext = ["sql": "sql", "python": "py", "py": "py"][language] ?? "txt"
        let name = "warroom-run-\(commandId)-\(UUID().uuidString.prefix(8).lowercased()).\(ext)"
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}
