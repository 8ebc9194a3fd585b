/// A code block (or code span) handed to command extraction.
public struct CodeSource: Sendable, Equatable {
    /// The fence's info string as written ("bash", "sql", "console", "" ...).
    public var info: String
    public var code: String
    /// Line number of the first line of `code` in the file.
    public var line: Int
    /// The step or heading the block belongs to, used as a title when the block has none.
    public var context: String?

    public init(info: String, code: String, line: Int, context: String? = nil) {
        self.info = info
        self.code = code
        self.line = line
        self.context = context
    }
}

/// One command found in a code block, before it gets an id in the runbook.
public struct ExtractedCommand: Sendable, Equatable {
    public var title: String?
    public var language: String
    public var code: String
    public var line: Int
    public var placeholders: [String]
    public var risk: Risk
    public var riskReason: String
    public var runnable: Bool
    public var interactive: Bool
    public var origin: RunbookCommand.Origin

    public init(title: String?, language: String, code: String, line: Int, placeholders: [String], risk: Risk,
                riskReason: String, runnable: Bool, interactive: Bool, origin: RunbookCommand.Origin) {
        self.title = title
        self.language = language
        self.code = code
        self.line = line
        self.placeholders = placeholders
        self.risk = risk
        self.riskReason = riskReason
        self.runnable = runnable
        self.interactive = interactive
        self.origin = origin
    }
}

/// Turns code blocks and code spans into commands (RUNBOOK-FORMATS.md §5).
public enum CommandExtraction {
    /// The language of a block's commands, or nil when the block holds no commands
    /// (configuration, templates, alert lists, escalation flows).
    public static func blockLanguage(info: String, code: String) -> String? {
        let lang = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
        switch lang {
        case "bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession", "terminal": return "bash"
        case "sql", "psql", "postgresql", "mysql": return "sql"
        case "python", "py", "python3", "pycon": return "python"
        case "promql": return "promql"
        case "": return looksLikeShell(code) ? "bash" : nil
        default: return nil
        }
    }

    /// Splits a block into independent commands at comment-titled, blank-line separated groups.
    public static func commands(in source: CodeSource) -> [ExtractedCommand] {
        guard let language = blockLanguage(info: source.info, code: source.code) else { return [] }
        var out: [ExtractedCommand] = []
        var title: String? = nil
        var group: [String] = []
        var groupLine = source.line
        func flush() {
            let code = group.joined(separator: "\n")
            if !code.trimmed.isEmpty {
                let (risk, reason) = RiskRules.classify(code, language: language)
                out.append(ExtractedCommand(title: title ?? source.context, language: language, code: code,
                                            line: groupLine, placeholders: Placeholders.find(in: code, language: language),
                                            risk: risk, riskReason: reason, runnable: true, interactive: false,
                                            origin: .fence))
            }
            group = []
            title = nil
        }
        for (offset, raw) in source.code.lines.enumerated() {
            let line = String(raw)
            let t = line.trimmed
            if t.isEmpty { flush(); continue }
            if t.hasPrefix("#") || t.hasPrefix("--") {
                if !group.isEmpty { flush() }
                title = t.trimmingLeading("#- ")
                continue
            }
            if group.isEmpty { groupLine = source.line + offset }
            group.append(line)
        }
        flush()
        return out
    }

    /// A code span that is a command (`kubectl top pods`), or nil for names and paths.
    public static func inlineCommand(_ span: String, line: Int) -> ExtractedCommand? {
        let words = span.split(separator: " ")
        guard words.count >= 2, looksLikeShell(span) else { return nil }
        let (risk, reason) = RiskRules.classify(span, language: "bash")
        return ExtractedCommand(title: nil, language: "bash", code: span, line: line,
                                placeholders: Placeholders.find(in: span, language: "bash"), risk: risk,
                                riskReason: reason, runnable: true, interactive: false, origin: .inline)
    }

    static func looksLikeShell(_ code: String) -> Bool {
        let first = code.trimmed.split(separator: " ").first.map(String.init) ?? ""
        return ["kubectl", "docker", "curl", "psql", "redis-cli", "systemctl", "celery", "npm", "python"].contains(first)
    }
}

/// Decides whether a command reads, changes or destroys, and says which rule decided.
public enum RiskRules {
    public static func classify(_ code: String, language: String) -> (risk: Risk, reason: String) {
        let lower = code.lowercased()
        for word in ["flushdb", "flushall", "drop ", "truncate", "purge", "delete", "rm -rf"] where lower.contains(word) {
            return (.destructive, "contains \(word)")
        }
        for word in ["get", "logs", "select", "status", "info", "top", "describe"] where lower.containsWord([word]) {
            return (.read, "reads: \(word)")
        }
        return (.change, "not known to be read-only")
    }
}

/// Finds the values a command needs filled in: `$VERSION`, `${DIST_ID}`, `<pod-name>` ...
public enum Placeholders {
    public static func find(in code: String, language: String) -> [String] {
        var out: [String] = []
        let chars = Array(code)
        var i = 0
        while i < chars.count {
            if chars[i] == "$" {
                var j = i + 1
                let braced = j < chars.count && chars[j] == "{"
                if braced { j += 1 }
                var name = ""
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { name.append(chars[j]); j += 1 }
                if !name.isEmpty, name.first!.isLetter, !out.contains(name) { out.append(name) }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}
