/// Recognizes commands written as inline code in prose: ``Check memory: `kubectl top pods` ``.
/// Names (`OPENAI_API_KEY`), paths (`/etc/nginx.conf`), flags (`--replicas`) and single words
/// are not commands.
enum InlineCommands {
    /// The language and code of a command span, or nil.
    static func recognize(_ span: String) -> (language: String, code: String)? {
        var text = span.trimmed
        if text.hasPrefix("$ ") { text = String(text.dropFirst(2)).trimmed }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard words.count >= 2, let first = words.first.map(String.init) else { return nil }
        if first.hasPrefix("-") || first.hasPrefix("<") { return nil }
        let upper = first.uppercased()
        if SQLRisk.leadingKeywords.contains(upper) || upper == "SET" {
            let lowerText = text.lowercased()
            let sqlish =
                first == upper
                || lowerText.contains(" from ") || lowerText.hasSuffix(";")
                || ["show", "vacuum", "explain", "analyze", "reindex"].contains(first)
            if sqlish { return ("sql", text) }
            // `truncate -s 0 state.db`, `delete` as a program: a shell command when it starts like one.
        }
        if PowerShellRisk.isCmdlet(first) { return ("powershell", text) }
        if KnownCommands.startsLikeCommand(text) { return ("bash", text) }
        return nil
    }
}

extension InlineCommands {
    /// Words that, second in a line, make it a sentence about a program rather than a call:
    /// "kubectl is the CLI", "helm can roll back".
    static let proseSecondWords: Set<String> = [
        "is", "are", "was", "were", "will", "can", "could", "should", "would", "may", "might", "must", "has", "have",
        "had", "does", "do", "shows", "lets", "allows", "and", "or", "the", "a", "an", "to", "for", "of", "in", "on",
        "with", "by", "command", "commands", "tool", "cli", "output", "returns", "itself", "also", "only",
        "into", "onto", "from", "using", "via", "as", "at", "if", "when", "then", "first", "again", "back", "this",
        "that", "it", "them", "your", "our", "my", "there", "here", "somewhere"
    ]

    /// A paragraph of plain text on one line that is a command: it starts like one, and is not
    /// a sentence (no second word of prose, no full stop or colon at its end).
    static func bareLine(_ paragraph: MarkdownBlock) -> (language: String, code: String)? {
        guard paragraph.line == paragraph.endLine,
            paragraph.inlines.allSatisfy({ if case .text = $0 { return true } else { return false } })
        else { return nil }
        let text = paragraph.text.trimmed
        guard text.count <= 400, !text.hasSuffix("."), !text.hasSuffix(":"), !text.contains(". "),
            KnownCommands.startsLikeCommand(text)
        else { return nil }
        let words = text.split(separator: " ")
        if words.count >= 2, proseSecondWords.contains(words[1].lowercased()) { return nil }
        return ("bash", text)
    }
}

extension InlineCommands {
    /// Words before a command span that make it an account of what happened or a warning,
    /// not a step: "possible cause: someone ran `…`", "never run `…`".
    static let exampleCues = [
        "someone ran", "somebody ran", " ran ", "was run", "were run", "had run", "has been run",
        "possible cause", "probable cause", "likely cause", "root cause", "caused by", "accidentally", "mistakenly",
        "by mistake", "never run", "do not run",
        "don't run", "avoid running", "instead of running", "must not run", "common mistake",
        "anti-pattern", "antipattern",
        // What someone did (a timeline, a lesson): " executed `kubectl delete deploy …`".
        " executed ", "was executed", " issued ", "force pushed", "force-pushed"
    ]
    /// Words that forbid the command right after them.
    static let prohibitions: Set<String> = [
        "don't", "don’t", "do not", "never", "avoid", "don't use", "don’t use", "do not use", "never use",
        "don't run", "don’t run", "never ever", "avoid using", "don't ever", "you must not", "must not",
        "bad:", "wrong:", "don't:", "never:", "instead of", "don't do this:", "don’t do this:", "do not do this:",
        "never do this:", "not this:", "avoid this:"
    ]

    /// A section of what not to do ("Don't", "Do not", "Anti-patterns", "What not to do", "Manual
    /// cleanup (don't)", "Things that made it worse"): its commands are shown as examples, never
    /// offered as steps.
    static func forbids(sectionTitle title: String) -> Bool {
        // Asked for every block: most titles hold none of the cues' words, seen without a copy.
        guard ["don", "not", "never", "avoid", "anti", "worse", "mistake"].contains(where: title.hasLowercased)
        else { return false }
        let lower = title.withoutSymbols.lowercased().trimmed
        if lower.contains("anti-pattern") || lower.contains("antipattern") { return true }
        let said = title.lowercased()
        if ["(don't)", "(don’t)", "(do not)", "(never)", "(don't do this)", "(do not do this)"].contains(
            where: said.contains)
            || ["made it worse", "made things worse", "common mistakes", "mistakes to avoid"].contains(
                where: lower.contains)
        {
            return true
        }
        return ["don't", "don’t", "do not", "dont", "never", "what not to", "things not to", "avoid"].contains {
            lower == $0 || lower.hasPrefix($0 + " ")
        }
    }

    /// Comments in a code block that forbid what follows them: `# DO NOT RUN`, `-- WRONG:`,
    /// `// don't do this`.
    static let prohibitingComments = [
        "do not run", "don't run", "don’t run", "never run", "do not execute", "don't execute", "never execute",
        "do not do this", "don't do this", "don’t do this", "never do this", "wrong", "bad", "anti-pattern",
        "antipattern", "example only", "for illustration only", "not this"
    ]

    /// The first bytes of the cues: a comment starting with another letter forbids nothing.
    static let prohibitingInitials = Set(prohibitingComments.compactMap(\.utf8.first))

    /// The index of the first line of `code` that is a comment forbidding the lines after it; nil
    /// when there is none. The cue must open the comment ("# wrong:", not "# what went wrong").
    /// Asked of every code block: lines are judged on bytes until one is a comment whose first
    /// letter could start a cue.
    static func prohibitingCommentLine(in code: String) -> Int? {
        code.withBytes { bytes in
            var index = 0
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var i = start
                while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                var words: Int? = nil
                if i < end, bytes[i] == UInt8(ascii: "#") {
                    words = i + 1
                } else if i + 1 < end,
                    bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-")
                        || bytes[i] == UInt8(ascii: "/")
                            && (bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "*"))
                {
                    words = i + 2
                }
                if var j = words {
                    while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                    if j < end, prohibitingInitials.contains(bytes[j] | 0x20),
                        prohibits(String(decoding: UnsafeBufferPointer(rebasing: bytes[j..<end]), as: UTF8.self))
                    {
                        return index
                    }
                }
                index += 1
                start = end + 1
            }
            return nil
        }
    }

    /// Whether a comment's words (after its marker) open with a cue that forbids.
    private static func prohibits(_ comment: String) -> Bool {
        let words = comment.trimmed.lowercased()
        for cue in prohibitingComments where words.hasPrefix(cue) {
            let rest = words.dropFirst(cue.count)
            // A whole word: "wrong:" forbids, "wrongly-named" does not.
            if let next = rest.first, next.isLetter || next.isNumber || next == "-" || next == "_" { continue }
            if isProhibitionEnd(rest.trimmed, cue: cue) { return true }
        }
        return false
    }

    /// What follows the cue makes it a prohibition: nothing, punctuation, or "this" ("# DO NOT
    /// RUN", "# Don't run this!", "# WRONG: …", "# bad example"). More words make it a caution
    /// about a step that is still one: "# Do not run this on the primary".
    private static func isProhibitionEnd(_ rest: String, cue: String) -> Bool {
        var after = Substring(rest)
        for object in ["this", "these", "it"] where after.hasPrefix(object) {
            let tail = after.dropFirst(object.count)
            if tail.first.map({ !$0.isLetter }) ?? true { after = tail.drop(while: { $0 == " " }) }
        }
        if after.isEmpty || ":!.-—(,;".contains(after.first!) { return true }
        return (cue == "wrong" || cue == "bad")
            && ["example", "idea", "way", "practice"].contains(where: after.hasPrefix)
    }

    /// Said after the command, in its sentence: "… `kafka-topics --delete`; never do that.", or
    /// what harm it does or did ("`git push --force` rewrites every branch", "`X` has been
    /// suggested more than once; it destroys the data"): a warning about it, not a step.
    static let exampleCuesAfter = [
        "never do", "don't do", "do not do", "must never", "should never be run", "has been suggested",
        "was suggested", "destroys", "wipes", "rewrites every", "rewrites all", "rewrites history",
        "cannot be undone", "can't be undone", "irreversibl", "is dangerous", "took down", "caused the outage",
        "made it worse", "made things worse", "was issued", "were issued", "was executed", "was run",
        ", broke ", "is never the answer", "is not the answer", "was a mistake"
    ]

    static func isExample(_ text: String, span: String) -> Bool {
        guard let range = text.range(of: span) else { return false }
        // The sentence the span is in, up to the span.
        let before = text[..<range.lowerBound]
        let sentenceStart = before.lastRange(of: ". ")?.upperBound ?? before.startIndex
        let lower = " " + before[sentenceStart...].lowercased()
        if exampleCues.contains(where: { lower.contains($0) }) { return true }
        // "Don't `kubectl delete namespace x`", "- Never `git push --force`", "… locked out. DON'T
        // `iptables -F`" (a line of the paragraph starts with it), "Bad: `…`": forbidden outright.
        let lead = lower.trimmed.trimmingLeading("-*• ").trimmed
        if prohibitions.contains(lead) || prohibitions.contains(where: { lead.hasSuffix(" " + $0) }) { return true }
        // The words right after it: a bounded look (a 1 MB paragraph holds thousands of spans).
        let after = text[range.upperBound...].prefix(160)
        let sentenceEnd = after.range(of: ". ")?.lowerBound ?? after.endIndex
        let rest = after[..<sentenceEnd].lowercased()
        return exampleCuesAfter.contains { rest.contains($0) }
    }
}
