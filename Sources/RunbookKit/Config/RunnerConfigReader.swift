import Foundation
import Yams

/// Reads `runners:` (language → a command line, or `{run, workdir, env}`) and `commands:`.
/// A bad runner is an error naming its line and key and is dropped; a bad `commands:` key drops only itself.
enum RunnerConfigReader {
    static let runnerKeys = ["run", "workdir", "env"]
    static let commandKeys = ["workdir", "env", "timeout", "silent_after"]

    static func runners(_ node: Node, reader: inout ConfigReader) -> [String: RunnerSettings.Runner] {
        guard let mapping = node.mapping else {
            reader.error("runners", node, "expected a mapping of fence language → command line (sql: psql -f -)")
            return [:]
        }
        var out: [String: RunnerSettings.Runner] = [:]
        for (keyNode, value) in mapping {
            let language = keyNode.string ?? ""
            if let runner = runner(value, path: "runners.\(language)", reader: &reader) {
                out[language.lowercased()] = runner
            }
        }
        return out
    }

    static func runner(_ node: Node, path: String, reader: inout ConfigReader) -> RunnerSettings.Runner? {
        if let line = node.scalar?.string {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                reader.error(path, node, "expected a command line that reads the code on stdin")
                return nil
            }
            return RunnerSettings.Runner(commandLine: line)
        }
        guard let mapping = node.mapping else {
            reader.error(path, node, "expected a command line or a mapping with \(runnerKeys.joined(separator: ", "))")
            return nil
        }
        var runner = RunnerSettings.Runner(commandLine: "")
        var ok = true
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "run":
                if let line = reader.string(value, key: "\(path).run") { runner.commandLine = line } else { ok = false }
            case "workdir":
                if let dir = reader.string(value, key: "\(path).workdir") {
                    runner.workingDirectory = dir
                } else {
                    ok = false
                }
            case "env":
                let before = reader.diagnostics.count
                runner.environment = reader.stringMap(value, key: "\(path).env")
                if reader.diagnostics.count > before { ok = false }
            default:
                reader.warning(
                    "\(path).\(key)", keyNode,
                    "unknown key, ignored (expected one of: \(runnerKeys.joined(separator: ", ")))")
            }
        }
        if ok && runner.commandLine.isEmpty {
            reader.error("\(path).run", node, "missing the command line to run (run: …)")
            ok = false
        }
        return ok ? runner : nil
    }

    static func commands(_ node: Node, reader: inout ConfigReader) -> CommandDefaults {
        var out = CommandDefaults()
        guard let mapping = node.mapping else {
            reader.error("commands", node, "expected a mapping with \(commandKeys.joined(separator: ", "))")
            return out
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = "commands.\(key)"
            switch key {
            case "workdir": out.workingDirectory = reader.string(value, key: path)
            case "env": out.environment = reader.stringMap(value, key: path)
            case "timeout", "silent_after":
                guard let text = value.scalar?.string, let seconds = IntervalParser.seconds(text) else {
                    reader.error(
                        path, value, "cannot read '\(value.scalar?.string ?? "")' as an interval (30s, 10m, 1h)")
                    continue
                }
                if key == "timeout" { out.timeout = seconds } else { out.silentAfter = seconds }
            default:
                reader.warning(
                    path, keyNode, "unknown key, ignored (expected one of: \(commandKeys.joined(separator: ", ")))")
            }
        }
        return out
    }
}
