/// Splits a block into commands: comment lines title the commands that follow, blank lines
/// separate independent commands, multi-line constructs stay whole.
enum CommandSplitter {
    /// One command cut from a block, before risk and placeholders are worked out.
    struct Piece: Equatable {
        var title: String?
        var language: String
        var code: String
        /// Line offset of the first code line inside the block.
        var offset: Int
        var manual = false
        /// Forces the interactive flag (a Python REPL started by `manage.py shell`).
        var interactive = false
    }

    private enum Item {
        case blank
        case comment(String, line: Int)
        case code(Range<Int>)
        /// Pasted output or a form to fill: shown with the block, never run.
        case output
    }

    static func split(_ code: String, kind: FenceKind) -> [Piece] {
        let lines = code.lines
        switch kind {
        case .session:
            return [] // handled by ShellSession
        case .shell:
            if let script = shebangScript(lines) { return [script] }
            let items = shellItems(lines)
            return group(items, lines: lines, language: "bash", comment: "#")
        case .sql:
            return group(sqlItems(lines), lines: lines, language: "sql", comment: "--")
        case .python:
            let items = pythonItems(lines)
            var pieces = group(items, lines: lines, language: "python", comment: "#")
            // `python manage.py shell` then statements: one interactive session.
            if let first = pieces.first, Interactivity.pythonSession(first.code) {
                let body = lines[first.offset...].joined(separator: "\n").trimmingTrailing("\n ")
                pieces = [
                    Piece(title: first.title, language: "python", code: body, offset: first.offset, interactive: true)
                ]
            }
            return pieces
        case .promql:
            return group(plainItems(lines, comment: "#"), lines: lines, language: "promql", comment: "#")
        }
    }

    // MARK: Items

    static func isNumberedStep(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = t.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" else { return false }
        let after = rest.dropFirst()
        return after.first == " " && after.dropFirst().first?.isLetter == true
    }

    static func isBullet(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" }
        return (t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("• ")) && t.dropFirst(2).first?.isLetter == true
            && !(t.dropFirst(2).first?.isLowercase == true && KnownCommands.startsLikeCommand(String(t.dropFirst(2))))
    }

    private static func shellItems(_ lines: [Substring]) -> [Item] {
        // Output lines are taken one by one before the shell state sees them: an apostrophe in
        // pasted output must not open a quote that swallows the commands after it.
        // A lone `{` or `[` before a `"key":` line opens a JSON answer, not a shell group.
        var jsonStarts = Set<String.Index>()
        for (index, line) in lines.enumerated() where index + 1 < lines.count {
            let t = line.trimmed
            if t == "{" || t == "[", lines[index + 1].trimmed.hasPrefix("\"") || lines[index + 1].trimmed.hasPrefix("{")
            {
                jsonStarts.insert(line.startIndex)
            }
        }
        let ranges = ShellLines.logical(lines) { line in
            let t = line.drop { $0 == " " || $0 == "\t" }
            return isNumberedStep(line) || isBullet(line) || t.hasPrefix("-- ") || t == "--"
                || PastedOutput.isOutput(line)
                || jsonStarts.contains(line.startIndex)
        }
        var afterOutput = false
        return ranges.map { range in
            if range.count == 1 {
                let line = lines[range.lowerBound]
                let t = line.trimmed
                if t.isEmpty { afterOutput = false; return .blank }
                if (t.hasPrefix("#") && !t.hasPrefix("#!")) || t.hasPrefix("-- ") || t == "--" {
                    return .comment(t, line: range.lowerBound)
                }
                if isNumberedStep(line) || isBullet(line) { afterOutput = false; return .code(range) }
                // Output runs to the next blank line: an indented continuation of a table row is output too.
                if PastedOutput.isOutput(line) || jsonStarts.contains(line.startIndex)
                    || afterOutput && !KnownCommands.startsLikeCommand(t)
                {
                    afterOutput = true
                    return .output
                }
            }
            afterOutput = false
            return .code(range)
        }
    }

    /// `-- words` or `# words`: a comment, where `----+----` is a rule of pasted output.
    static func isSQLComment(_ line: String) -> Bool {
        if line.hasPrefix("# ") { return true }
        guard line.hasPrefix("--") else { return false }
        let next = line.dropFirst(2).first
        return next == nil || next == " " || next!.isLetter
    }

    /// SQL: a line per item, except that a string literal or `$$` body spanning lines stays whole.
    private static func sqlItems(_ lines: [Substring]) -> [Item] {
        var items: [Item] = []
        var start: Int? = nil
        var inString = false
        var inDollar = false
        // After a statement ends with `;`, lines that do not start a new one are its pasted result
        // (` pg_cancel_backend`, `---`, ` t`, `(1 row)`) up to the next blank line.
        var finished = false
        var inOutput = false
        // A statement is open until a line ends with `;`: a comment inside it (a column commented
        // out) stays in it unless the next line starts a new statement.
        var open = false
        for (index, line) in lines.enumerated() {
            let t = line.trimmed
            if start == nil {
                if t.isEmpty {
                    // A blank line inside an unfinished statement (a long JOIN spaced out) stays in it.
                    let next = lines[(index + 1)...].first { !$0.trimmed.isEmpty }.map { $0.trimmed }
                    if open, !inOutput, let next, !SQLText.startsStatement(next, inSQL: true), !next.hasPrefix("--"),
                        !next.hasPrefix("#")
                    {
                        items.append(.code(index..<(index + 1)))
                        continue
                    }
                    items.append(.blank); finished = false; inOutput = false; open = false; continue
                }
                // A comment after a statement is the next statement's title, not its pasted result
                // (output has no `-- words` line; its rules are dashes only).
                if Self.isSQLComment(t) { (finished, inOutput) = (false, false) }
                let startsStatement = SQLText.startsStatement(t, inSQL: true)
                // Inside an unfinished statement aligned columns are SQL, not output.
                if inOutput || (finished && !startsStatement)
                    || (!open && !startsStatement && PastedOutput.isOutput(line))
                {
                    inOutput = true
                    items.append(.output)
                    continue
                }
                if t.hasPrefix("--") || t.hasPrefix("#") {
                    let next = lines[(index + 1)...].first { !$0.trimmed.isEmpty }.map { $0.trimmed }
                    let insideStatement =
                        open && next.map { !SQLText.startsStatement($0, inSQL: true) && !$0.hasPrefix("--") } == true
                    if !insideStatement { items.append(.comment(t, line: index)); continue }
                }
                start = index
            }
            let b = Array(line.utf8)
            var i = 0
            while i < b.count {
                let c = b[i]
                if inDollar {
                    if c == UInt8(ascii: "$"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "$") {
                        inDollar = false; i += 1
                    }
                } else if inString {
                    if c == UInt8(ascii: "'") { inString = false }
                } else if c == UInt8(ascii: "'") {
                    inString = true
                } else if c == UInt8(ascii: "$"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "$") {
                    inDollar = true; i += 1
                } else if c == UInt8(ascii: "-"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "-") {
                    break
                }
                i += 1
            }
            if !inString && !inDollar {
                items.append(.code(start!..<(index + 1)))
                start = nil
                finished = t.hasSuffix(";")
                open = !finished && !t.hasPrefix("\\") && !(t.hasPrefix("--") || t.hasPrefix("#"))
            }
        }
        if let start { items.append(.code(start..<lines.count)) }
        return items
    }

    /// Python: indented lines (and blank lines before them) continue the statement above.
    private static func pythonItems(_ lines: [Substring]) -> [Item] {
        var items: [Item] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let t = line.trimmed
            if t.isEmpty { items.append(.blank); index += 1; continue }
            if t.hasPrefix("#") { items.append(.comment(t, line: index)); index += 1; continue }
            var end = index + 1
            var probe = end
            while probe < lines.count {
                let next = lines[probe]
                if next.trimmed.isEmpty { probe += 1; continue }
                if next.first == " " || next.first == "\t" || next.first == ")" || next.first == "]"
                    || next.first == "}"
                {
                    end = probe + 1
                    probe = end
                    continue
                }
                break
            }
            items.append(.code(index..<end))
            index = end
        }
        return items
    }

    private static func plainItems(_ lines: [Substring], comment: String) -> [Item] {
        lines.enumerated().map { index, line in
            let t = line.trimmed
            if t.isEmpty { return .blank }
            if t.hasPrefix(comment) { return .comment(t, line: index) }
            return .code(index..<(index + 1))
        }
    }

    // MARK: Grouping

    /// A group = title comment(s) + code up to the next blank line or title comment. A comment
    /// right after code and followed by a blank line (or the end) annotates that code.
    private static func group(_ items: [Item], lines: [Substring], language: String, comment: String) -> [Piece] {
        var pieces: [Piece] = []
        var title: String? = nil
        var ranges: [Range<Int>] = []
        /// `group` as one command, or one per logical line (ScriptBlock says when they must run together).
        func emit(_ group: ArraySlice<Range<Int>>) {
            guard let first = group.first, let last = group.last else { return }
            if language == "bash", group.count > 1, !ScriptBlock.runsAsOne(group.map { lines[$0] }) {
                for range in group {
                    let code = lines[range].joined(separator: "\n").trimmingTrailing("\n ")
                    pieces.append(makePiece(title: title, code: code, offset: range.lowerBound, language: language))
                }
                return
            }
            let code = lines[first.lowerBound..<last.upperBound].joined(separator: "\n").trimmingTrailing("\n ")
            pieces.append(makePiece(title: title, code: code, offset: first.lowerBound, language: language))
        }
        func flush() {
            defer { ranges = []; title = nil }
            // The lines after a login elsewhere (`ssh node-3`) are typed over there: the login is a
            // command of its own, what follows is shown as done on that host and never run here.
            if language == "bash",
                let login = ranges.dropLast().firstIndex(where: {
                    RemoteShell.opensShell(lines[$0].joined(separator: "\n"))
                })
            {
                emit(ranges[...login])
                let rest = ranges[(login + 1)...]
                let loginCode = lines[ranges[login]].joined(separator: "\n").trimmed
                let code = lines[rest.first!.lowerBound..<rest.last!.upperBound].joined(separator: "\n")
                    .trimmingTrailing("\n ")
                var piece = makePiece(
                    title: "On `\(loginCode)`" + (title.map { ": " + $0 } ?? ""), code: code,
                    offset: rest.first!.lowerBound, language: language)
                piece.manual = true
                pieces.append(piece)
                return
            }
            // One command per command: a shell group's logical lines are offered one by one unless
            // they share the shell's state.
            emit(ranges[...])
        }
        var index = 0
        while index < items.count {
            switch items[index] {
            case .blank, .output:
                flush()
            case .comment(let text, _):
                if !ranges.isEmpty {
                    // Annotation when only comments follow before a blank line or the end.
                    var probe = index
                    var lastLine = 0
                    while probe < items.count, case .comment(_, let line) = items[probe] { lastLine = line; probe += 1 }
                    let annotates: Bool
                    if probe == items.count {
                        annotates = true
                    } else if case .blank = items[probe] {
                        annotates = true
                    } else {
                        annotates = false
                    }
                    if annotates {
                        if let last = ranges.last { ranges[ranges.count - 1] = last.lowerBound..<(lastLine + 1) }
                        index = probe
                        continue
                    }
                    flush()
                }
                if title == nil { title = cleanTitle(text) }
            case .code(let range):
                ranges.append(range)
            }
            index += 1
        }
        flush()
        return pieces
    }

    private static func makePiece(title: String?, code: String, offset: Int, language: String) -> Piece {
        let codeLines = code.lines
        if language == "bash" || language == "sql" {
            // Numbered prose or bullets: a manual step list, not something to run.
            let first = codeLines.first { !$0.trimmed.isEmpty } ?? ""
            if isNumberedStep(first) || isBullet(first) {
                return Piece(title: title, language: "manual", code: code, offset: offset, manual: true)
            }
        }
        if language == "bash", code.has(">>>"), codeLines.contains(where: { $0.trimmed.hasPrefix(">>>") }) {
            // A Python REPL typed into a shell block: one interactive session, prompts stripped.
            let body = codeLines.compactMap { line -> String? in
                let t = line.drop { $0 == " " || $0 == "\t" }
                if t.hasPrefix(">>> ") || t.hasPrefix("... ") { return String(t.dropFirst(4)) }
                if t == ">>>" || t == "..." { return "" }
                return String(line)
            }.joined(separator: "\n")
            return Piece(title: title, language: "python", code: body, offset: offset, interactive: true)
        }
        if language == "bash", let word = codeLines.first?.split(separator: " ").first.map(String.init),
            SQLRisk.leadingKeywords.contains(word.uppercased()),
            word == word.uppercased() || code.trimmingTrailing("\n ").hasSuffix(";")
        {
            return Piece(title: title, language: "sql", code: code, offset: offset)
        }
        return Piece(title: title, language: language, code: code, offset: offset)
    }

    /// A `#!` script: the whole block (from the shebang) is one command.
    private static func shebangScript(_ lines: [Substring]) -> Piece? {
        guard let start = lines.firstIndex(where: { !$0.trimmed.isEmpty }),
            lines[start].trimmed.hasPrefix("#!")
        else { return nil }
        let shebang = lines[start].lowercased()
        let language = shebang.contains("python") ? "python" : "bash"
        let title = lines[(start + 1)...].lazy
            .map { $0.trimmed }
            .first { $0.hasPrefix("#") && !$0.hasPrefix("#!") && cleanTitle($0) != nil }
            .flatMap(cleanTitle)
        let code = lines[start...].joined(separator: "\n").trimmingTrailing("\n ")
        return Piece(title: title, language: language, code: code, offset: start)
    }

    /// "# 1. Run migrations (if needed)" → "Run migrations (if needed)".
    static func cleanTitle(_ comment: String) -> String? {
        var t = Substring(comment)
        while let f = t.first, f == "#" || f == "-" || f == " " || f == "\t" || f == "/" || f == "*" {
            t = t.dropFirst()
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = t.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")" || mark == ":", rest.dropFirst().first == " " {
                t = rest.dropFirst(2)
            }
        }
        let title = t.trimmingTrailing(":= -#").collapsingWhitespace
        guard !title.isEmpty, title.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return title.count > 120 ? String(title.prefix(119)) + "…" : title
    }
}
