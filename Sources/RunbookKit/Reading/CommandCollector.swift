import Foundation

/// Walks the document in order and turns every code block and command-like code span into
/// `RunbookCommand`s with ids, remembering where each was found.
enum CommandCollector {
    static func collect(_ outline: Section, into context: ExtractionContext) {
        outline.forEach { section in
            // A `<details>` block's `<summary>` titles the commands folded under it; a paragraph
            // that introduces what follows ("Scale the consumers:") the blocks right after it.
            var summary: String? = nil
            var introduction: String? = nil
            for block in section.blocks {
                if block.kind == .html { summary = folded(by: block.literal, after: summary) }
                visit(block, section: section, stepContext: introduction ?? summary, context: context)
                if block.kind == .paragraph {
                    introduction = Self.introduction(block.text)
                } else if !block.isCode {
                    introduction = nil
                }
            }
        }
    }

    /// What a paragraph that ends with a colon says the next block does ("Purge the dead-letter
    /// queue:", "**Step 3.** Restart the pool:"), or nil: "Run the following command:" says nothing
    /// the section title does not, nor does a bare condition ("Only if the region is down:"), a
    /// docs-site directive (`:::`) introduces nothing, and of a long paragraph only a short last
    /// sentence is a title.
    static func introduction(_ paragraph: String) -> String? {
        guard paragraph.hasSuffix(":"), !paragraph.hasSuffix("::"), !paragraph.hasPrefix(":::") else { return nil }
        var text = paragraph.trimmingTrailing(":").trimmed
        if text.count > 100 {
            guard let last = text.components(separatedBy: ". ").last?.trimmed, last.count <= 100,
                last.split(separator: " ").count >= 3
            else { return nil }
            text = last
        }
        // "Step 3. Restart the pool", "3) Restart the pool": the step's number is not its title.
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count >= 2, ProcedureExtractor.isStepNumber(words[0]) {
            text = words.dropFirst().joined(separator: " ")
        } else if words.count == 3, ProcedureExtractor.isStepNumber(words[0] + " " + words[1]) {
            text = words[2]
        }
        // "Only if the whole region is down:" says when, not what: the section title says what.
        let lower = text.lowercased()
        if ["if ", "only if", "only when", "when ", "unless ", "in case"].contains(where: lower.hasPrefix),
            !text.contains(",")
        {
            return nil
        }
        let says = lower.split(whereSeparator: { !$0.isLetterQuickly && $0 != "." && $0 != "-" }).contains {
            !introductionFiller.contains(String($0).trimmingTrailing("."))
        }
        return says ? text : nil
    }

    /// Words that say nothing of what a block does ("Run the following command:").
    static let introductionFiller: Set<String> = [
        "run", "the", "following", "command", "commands", "this", "these", "that", "execute", "type", "use",
        "for", "example", "examples", "e.g", "eg", "then", "next", "you", "can", "to", "and", "a", "an", "it",
        "with", "output", "like", "as", "below", "here", "is", "are", "snippet", "code", "on", "in", "shell",
        "terminal", "do", "please", "now", "first", "step", "steps", "see", "or", "something", "similar",
        "should", "look", "looks", "follow", "instructions", "procedure"
    ]

    /// The summary in force after an HTML block: its own `<summary>` text, none once `</details>`
    /// closes the fold, else the one before.
    static func folded(by html: String, after summary: String?) -> String? {
        let closes = html.range(of: "</details>", options: .caseInsensitive)
        guard let open = html.range(of: "<summary", options: .caseInsensitive),
            let end = html.range(of: "</summary>", options: .caseInsensitive, range: open.upperBound..<html.endIndex),
            let tagEnd = html.range(of: ">", range: open.upperBound..<end.lowerBound),
            closes.map({ $0.lowerBound < open.lowerBound }) ?? true
        else { return closes == nil ? summary : nil }
        let text = String(html[tagEnd.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression).collapsingWhitespace
        return text.isEmpty ? nil : text
    }

    /// `stepContext` is the text of the enclosing list item, shortened (`shortTitle`) only where a
    /// command uses it: most items hold no command.
    private static func visit(
        _ block: MarkdownBlock, section: Section, stepContext: String?, context: ExtractionContext,
        itemText: Bool = false
    ) {
        switch block.kind {
        case .code(var info, let fenced):
            var firstLine = fenced ? block.line + 1 : block.line
            var literal = Self.dedented(block.literal.trimmingTrailing("\n"))
            // A fence indented under a docs-site tab or admonition (`=== "kubectl"`, `!!! note`)
            // reads as an indented block holding the fence: the fence is what was meant.
            if !fenced, let inner = Self.nestedFence(literal) {
                (info, literal) = (inner.info, inner.code)
                firstLine += 1
            }
            let source = CodeSource(
                info: info, code: literal, line: firstLine,
                context: stepContext.map(shortTitle) ?? sectionTitle(section))
            let extraction = extract(source, context: context)
            let blockIndex = context.codeBlocks.count
            let shift = firstLine - extraction.firstLine
            let forbidden = InlineCommands.forbids(sectionTitle: section.title)
            // A `# DO NOT RUN` comment: the commands after it are examples.
            let forbiddenAfter = InlineCommands.prohibitingCommentLine(in: literal).map { firstLine + $0 }
            let ids = extraction.commands.map { command -> Int in
                var command = command
                command.line += shift
                if forbidden || forbiddenAfter.map({ command.line > $0 }) == true {
                    command.origin = .example
                    command.runnable = false
                }
                return add(command, section: section, block: blockIndex, context: context)
            }
            let language = extraction.language ?? (info.isEmpty ? "text" : info)
            context.codeBlocks.append(
                CodeBlock(
                    index: blockIndex, info: info, language: language, code: extraction.code,
                    section: section.pathText, line: firstLine, commands: ids))
            if !ids.isEmpty { context.commandsByBlockLine[block.line, default: []] += ids }
        case .paragraph where !itemText:
            // A command indented under a list item too little to be a code block is a paragraph
            // of its own: `oc get pods -n x` on a line by itself.
            if let command = bareCommand(block, context: context) {
                var titled = command
                titled.title = stepContext.map(shortTitle) ?? sectionTitle(section)
                let id = add(titled, section: section, block: nil, context: context)
                context.commandsByBlockLine[block.line, default: []].append(id)
                return
            }
            visitSpans(block, section: section, context: context)
        case .paragraph, .heading, .tableCell:
            visitSpans(block, section: section, context: context)
        case .tableRow(header: false):
            // `| `kubectl get pods` | List the pods |`: the row's other cells title its commands.
            let cells = block.children.map(\.text)
            for (index, cell) in block.children.enumerated() {
                let others = cells.enumerated().filter { $0.offset != index && !$0.element.isEmpty }.map(\.element)
                visitSpans(
                    cell, section: section, context: context,
                    fallbackTitle: others.isEmpty ? nil : shortTitle(others.joined(separator: " · ")))
            }
        case .item:
            let first = block.firstParagraph
            var introduction = first?.text ?? stepContext
            for child in block.children {
                // A later paragraph that introduces what follows ("b. Drop the inactive slot:") titles
                // the blocks after it, not the item's first words.
                if child != first, child.kind == .paragraph, child.text.hasSuffix(":") { introduction = child.text }
                visit(child, section: section, stepContext: introduction, context: context, itemText: child == first)
            }
        default:
            for child in block.children {
                visit(child, section: section, stepContext: stepContext, context: context)
            }
        }
    }

    /// The block without the indentation all its lines share (an indented block one space deeper
    /// than its list item needs keeps that space in its text). Lines of spaces only do not count.
    /// On bytes: most blocks share no indentation and are returned as they are. A CR, or a
    /// non-ASCII byte right after the spaces (a combining mark joins the space before it into one
    /// character), is left to the character walk.
    static func dedented(_ code: String) -> String {
        var depth = Int.max
        var column = 0
        var atLineStart = true
        for byte in code.utf8 {
            if byte == 0x0D { return dedentedByCharacters(code) }
            if byte == 0x0A {
                (column, atLineStart) = (0, true)
            } else if atLineStart {
                if byte == 0x20 {
                    column += 1
                } else if byte >= 0x80, column > 0 {
                    return dedentedByCharacters(code)
                } else {
                    depth = min(depth, column)
                    if depth == 0 { return code }
                    atLineStart = false
                }
            }
        }
        guard depth != Int.max else { return code }
        var out: [UInt8] = []
        out.reserveCapacity(code.utf8.count)
        var dropped = 0
        for byte in code.utf8 {
            if byte == 0x0A {
                dropped = 0
                out.append(byte)
            } else if byte == 0x20, dropped >= 0, dropped < depth {
                dropped += 1
            } else {
                dropped = -1 // past the line's indentation
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func dedentedByCharacters(_ code: String) -> String {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let depth = lines.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        guard depth > 0 else { return code }
        return lines.map { $0.dropFirst(min(depth, $0.prefix { $0 == " " }.count)) }.joined(separator: "\n")
    }

    private static func visitSpans(
        _ block: MarkdownBlock, section: Section, context: ExtractionContext, fallbackTitle: String? = nil
    ) {
        let spans = block.inlines.codeSpansWithLineOffsets
        guard !spans.isEmpty else { return }
        let text = block.text // once per block: a paragraph may hold thousands of spans
        for (span, lineOffset) in spans {
            // On the paragraph's line where it is written, not on its first line.
            let line = min(block.line + lineOffset, max(block.line, block.endLine))
            guard let command = inlineCommand(span, line: line, context: context) else { continue }
            var titled = command
            if titled.title == nil { titled.title = stepTitle(text, span: span) ?? fallbackTitle }
            if InlineCommands.isExample(text, span: span) || InlineCommands.forbids(sectionTitle: section.title) {
                titled.origin = .example
                titled.runnable = false
            }
            let id = add(titled, section: section, block: nil, context: context)
            context.commandsByBlockLine[block.line, default: []].append(id)
        }
    }

    /// `CommandExtraction.extract`, once per distinct block text (see `ExtractionContext.blockExtractions`).
    private static func extract(_ source: CodeSource, context: ExtractionContext) -> ExtractionContext.BlockExtraction {
        let key = ExtractionContext.BlockKey(info: source.info, code: source.code, context: source.context)
        if let known = context.blockExtractions[key] { return known }
        let (language, commands) = CommandExtraction.extract(source)
        let extraction = ExtractionContext.BlockExtraction(
            code: source.code, language: language, commands: commands,
            firstLine: source.line)
        context.blockExtractions[key] = extraction
        return extraction
    }

    /// `CommandExtraction.inlineCommand`, once per distinct span text.
    private static func inlineCommand(_ span: String, line: Int, context: ExtractionContext) -> ExtractedCommand? {
        let command: ExtractedCommand?
        if let known = context.spanCommands[span] {
            command = known
        } else {
            command = CommandExtraction.inlineCommand(span, line: line)
            context.spanCommands[span] = command
        }
        guard var command else { return nil }
        command.line = line
        return command
    }

    /// `CommandExtraction.bareCommand`, once per distinct one-line paragraph of plain text.
    private static func bareCommand(_ paragraph: MarkdownBlock, context: ExtractionContext) -> ExtractedCommand? {
        // Only one-line paragraphs of plain text can be bare commands; their text decides.
        guard paragraph.line == paragraph.endLine,
            paragraph.inlines.allSatisfy({ if case .text = $0 { return true } else { return false } })
        else { return nil }
        let command: ExtractedCommand?
        if let known = context.bareCommands[paragraph.text] {
            command = known
        } else {
            command = CommandExtraction.bareCommand(paragraph)
            context.bareCommands[paragraph.text] = command
        }
        guard var command else { return nil }
        command.line = paragraph.line
        return command
    }

    private static func add(_ command: ExtractedCommand, section: Section, block: Int?, context: ExtractionContext)
        -> Int
    {
        let id = context.commands.count + 1
        if command.risk == .unknown, command.runnable {
            let head = command.code.split(separator: "\n").first.map { String($0.prefix(60)) } ?? ""
            context.warn(command.line, "command \(id) `\(head)`: no risk rule knows it; it is asked for like a change")
        }
        context.commands.append(
            RunbookCommand(
                id: id, title: command.title, language: command.language, code: command.code,
                section: section.pathText, line: command.line, placeholders: command.placeholders,
                risk: command.risk, riskReason: command.riskReason, runnable: command.runnable,
                interactive: command.interactive, block: block, origin: command.origin))
        return id
    }

    /// "#### 2. Restart it" → "Restart it".
    static func sectionTitle(_ section: Section) -> String {
        let title = section.title.withoutSymbols
        return HeadingText.numbering(title)?.rest ?? title
    }

    /// "Check memory: `kubectl top pods`" → "Check memory".
    /// "```bash\ncode\n```" as the whole text of an indented block: the fence's info and code.
    static func nestedFence(_ literal: String) -> (info: String, code: String)? {
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, let first = lines.first?.trimmed, let last = lines.last?.trimmed else { return nil }
        for marker in ["```", "~~~"] where first.hasPrefix(marker) && last.hasPrefix(marker) {
            let info = first.dropFirst(marker.count).trimmed
            guard !info.contains(marker), last.allSatisfy({ $0 == marker.first }) else { continue }
            return (info, lines.dropFirst().dropLast().joined(separator: "\n"))
        }
        return nil
    }

    /// Words that only lead in to a span: "…, check node capacity with `…`", "you can use `…`".
    static let leadInWords: Set<String> = [
        "with", "using", "via", "by", "run", "use", "command", "the", "can", "you", "do", "please", "this", "following"
    ]

    /// The words before a span, from the start of their sentence: "If they are pending, check
    /// node capacity with `kubectl top nodes`" → "If they are pending, check node capacity".
    private static func stepTitle(_ text: String, span: String) -> String? {
        guard let range = text.range(of: span) else { return shortTitle(text) }
        // The last few hundred characters are enough for a title of 80, and keep a paragraph with
        // thousands of spans linear.
        let whole = String(text[..<range.lowerBound].suffix(400)).trimmingTrailing(" :-–—(")
        var sentence = Substring(whole)
        if let stop = sentence.lastRange(of: ". ") { sentence = sentence[stop.upperBound...] }
        var words = sentence.split(separator: " ")
        while let last = words.last, Self.leadInWords.contains(last.lowercased()) { words.removeLast() }
        // Too little left ("if you can do"): the words before the span as they are.
        let title = words.count >= 2 ? words.joined(separator: " ").trimmingTrailing(" :-–—(,") : whole
        return title.isEmpty ? nil : shortTitle(title)
    }

    static func shortTitle(_ text: String) -> String {
        let clean = text.collapsingWhitespace
        // At most 80 bytes is at most 80 characters: only longer text is counted (grapheme by grapheme).
        return clean.utf8.count > 80 && clean.count > 80 ? String(clean.prefix(79)) + "…" : clean
    }
}
