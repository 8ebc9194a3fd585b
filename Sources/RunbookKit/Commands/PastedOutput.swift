/// Lines that a runbook pasted into a code block as the *answer* of a command, or as text to
/// copy into a ticket: tables (`NAME   READY   STATUS`), `Label: value` reports, log lines,
/// JSON, table borders, `(3 rows)`, error banners. None of them is ever run.
enum PastedOutput {
    /// Banners that open the output of common tools.
    static let openers = [
        "Error from server", "No resources found", "Error:", "error:", "Warning:", "WARNING:", "Apply complete!",
        "Plan: ", "No changes.", "Terraform will perform", "Terraform used", "Changes to Outputs:", "Success!",
        "Unable to connect", "The connection to the server", "Connection refused", "Traceback (most recent call last)"
    ]

    static func isOutput(_ raw: Substring) -> Bool {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        guard let first = line.first else { return false }
        if first.isUppercase || first == "e", openers.contains(where: { line.hasPrefix($0) }) { return true }
        // Numbers, dates and log timestamps never start a command.
        if first.isASCII, first.isNumber { return true }
        // psql / ASCII tables, borders and row counts.
        if first == "|" || first == "+" && line.dropFirst().first.map({ $0 == "-" || $0 == "=" }) == true {
            return true
        }
        if "-=─━┼┬┴╋".contains(first), line.count >= 3, line.allSatisfy({ "-+=|─━┼┬┴╋ ".contains($0) }) { return true }
        if line.hasPrefix("("), line.hasSuffix(")"), line.contains(" row") { return true }
        // JSON answers and bodies.
        // A lone `{` or `}` may be a shell group: `CommandSplitter` decides those by the next line.
        if first == "{" || first == "}" || first == "]" || first == "\"" {
            return line.count > 1 && !line.hasPrefix("{ ")
        }
        if first == "[", let next = line.dropFirst().first, next != " ", next != "[" { return true }
        // A psql table header: `version | dirty`, single words between bars, not a pipeline.
        if line.contains(" | ") {
            let cells = line.split(separator: "|").map { $0.trimmed }
            if cells.count >= 2, cells.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }),
                !KnownCommands.isProgram(Substring(cells[0]))
            {
                return true
            }
        }
        // `Message:   …`, `External ID:    …`, `Basic Details:` — a report or a form, not a command.
        if isLabelLine(line) { return true }
        // Column output: several runs of two or more spaces, not led by a known program.
        guard gapCount(line) >= 2 else { return false }
        let head = line.prefix { $0 != " " }
        return !KnownCommands.isProgram(head) && head != "sudo" && !head.hasPrefix("./")
    }

    /// `Label:` or `Two Words:` at the start, followed by a space or nothing: a field, not a
    /// program (no program name ends in a colon).
    static func isLabelLine(_ line: Substring) -> Bool {
        guard let colon = line.prefix(42).firstIndex(of: ":") else { return false }
        let label = line[..<colon]
        guard !label.isEmpty, label.count <= 40, label.first?.isLetter == true,
            label.allSatisfy({ $0.isLetter || $0.isNumber || " _-()/.".contains($0) }),
            label.split(separator: " ").count <= 5
        else { return false }
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return false }
        // `sudo: …` or `kubectl: …` is an error message too; a label with spaces is never a command.
        return true
    }

    /// Runs of two or more spaces between words.
    static func gapCount(_ line: Substring) -> Int {
        var gaps = 0
        var spaces = 0
        for c in line {
            if c == " " { spaces += 1; continue }
            if spaces >= 2 { gaps += 1 }
            spaces = 0
        }
        return gaps
    }
}
