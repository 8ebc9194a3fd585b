/// Shared state of one extraction run: warnings, and the commands found so far indexed by
/// where they were found, so checklists and procedures can point at them.
final class ExtractionContext {
    var warnings: [RunbookWarning] = []
    var commands: [RunbookCommand] = []
    var codeBlocks: [CodeBlock] = []
    /// Command ids by the line of the block (code block's first line, or the paragraph holding a span).
    var commandsByBlockLine: [Int: [Int]] = [:]

    /// What command extraction made of each distinct code block, span and bare line read so
    /// far: runbooks repeat the same block or `kubectl get pods` many times, and extraction
    /// is a pure function of the text (lines are stored relative to the block's first line).
    /// One table per read, so nothing outlives it.
    var blockExtractions: [BlockKey: BlockExtraction] = [:]
    var spanCommands: [String: ExtractedCommand?] = [:]
    var bareCommands: [String: ExtractedCommand?] = [:]

    /// `SeverityID.leading` of each distinct text asked about: every heading, list item and
    /// table cell is asked, and headings and labels repeat.
    var severityIDs: [String: SeverityID.Match?] = [:]

    func severityID(_ text: String) -> SeverityID.Match? {
        if let known = severityIDs[text] { return known }
        let match = SeverityID.leading(text)
        severityIDs[text] = match
        return match
    }

    /// Seconds of each distinct checklist item label read as a time ("15 min"), nil for the
    /// labels that are not times: lists repeat their labels.
    var timeLabels: [String: Int?] = [:]

    func timeLabelSeconds(_ label: String) -> Int? {
        if let known = timeLabels[label] { return known }
        let seconds = DurationParser.isTimeLabel(label) ? DurationParser.seconds(in: label) : nil
        timeLabels[label] = seconds
        return seconds
    }

    struct BlockKey: Hashable {
        var info: String
        var code: String
        var context: String?
    }

    struct BlockExtraction {
        /// The block's code as first seen: later copies share its storage.
        var code: String
        var language: String?
        var commands: [ExtractedCommand]
        /// `line` of the source the commands were extracted for.
        var firstLine: Int
    }

    /// Ids are positions + 1 (see `CommandCollector.add`).
    func command(_ id: Int) -> RunbookCommand? {
        id >= 1 && id <= commands.count ? commands[id - 1] : nil
    }

    func warn(_ line: Int, _ message: String) {
        warnings.append(RunbookWarning(line: line, message: message))
    }

    /// Commands found in a block and everything nested in it (a list item with fences inside).
    func commandIDs(in block: MarkdownBlock) -> [Int] {
        var ids = commandsByBlockLine[block.line] ?? []
        block.forEachDescendant { ids += commandsByBlockLine[$0.line] ?? [] }
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }
    }
}
