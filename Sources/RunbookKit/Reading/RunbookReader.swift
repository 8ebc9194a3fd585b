import Foundation

/// Why a runbook file could not be read at all. (Anything inside a readable file that is
/// odd becomes a `RunbookWarning` instead.)
public struct RunbookReadError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Reads a Markdown runbook into a `Runbook`.
public enum RunbookReader {
    /// Files larger than this are refused: no runbook is that large, and reading one must stay bounded.
    public static let maximumFileSize = 64 << 20

    public static func read(file path: String) throws -> Runbook {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunbookReadError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw RunbookReadError(path: path, reason: "is a directory, not a runbook file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunbookReadError(path: path, reason: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw RunbookReadError(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        if data.count > maximumFileSize {
            throw RunbookReadError(path: path, reason: "is larger than \(maximumFileSize >> 20) MB")
        }
        return parse(bytes: [UInt8](data), source: path)
    }

    public static func parse(text: String, source: String = "<text>") -> Runbook {
        parse(bytes: Array(text.utf8), source: source)
    }

    public static func parse(bytes: [UInt8], source: String) -> Runbook {
        parse(bytes: bytes, source: source, together: bytes.count >= SideBySide.minimumBytes)
    }

    /// `together` runs the extractors in two threads (`SideBySide`), as large files are read.
    static func parse(bytes: [UInt8], source: String, together: Bool) -> Runbook {
        var prepared = RunbookText(bytes: bytes)
        let document: MarkdownBlock
        let flattenedLines: [Int]
        do { // `parsed` ends here: `document` and `outline` hold the tree, let go of below
            let parsed = MarkdownParser.parse(prepared.text, inHalves: together)
            document = parsed.holdsHTMLTable ? HTMLBlocks.expandTables(in: parsed.document) : parsed.document
            flattenedLines = parsed.flattenedLines
        }
        prepared.text = "" // the parsed blocks hold what is needed of it
        let fileName = (source as NSString).lastPathComponent
        // Front matter, then the first H1, then the file's name: a document without an H1 is not
        // titled by its first section ("Overview").
        let title =
            prepared.frontMatter["title"].map { $0.collapsingWhitespace }.flatMap(nonEmpty)
            ?? firstHeading(document, level: 1) ?? titleFromFileName(fileName)
        let outline = Section.outline(of: document, rootTitle: title)
        let context = ExtractionContext()
        context.warnings = prepared.warnings
        for line in Set(flattenedLines).sorted() {
            context.warn(line, "nesting deeper than \(MarkdownParser.maximumDepth) levels was flattened")
        }
        if document.children.isEmpty {
            context.warn(1, "the file is empty or has no Markdown content")
        }

        var runbook = Runbook(title: title, source: source)
        runbook.sections = sectionList(outline)
        Extractors.run(outline, context: context, together: together, into: &runbook)
        if together { SideBySide.releaseElsewhere((document, outline)) }
        let headContacts = ContactExtractor.fromFrontMatter(prepared.frontMatter, lines: prepared.frontMatterLines)
        if !headContacts.isEmpty {
            let known = Set(headContacts.map { $0.contact.lowercased() })
            runbook.contacts = headContacts + runbook.contacts.filter { !known.contains($0.contact.lowercased()) }
        }
        runbook.warnings = context.warnings.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
        return runbook
    }

    private static func firstHeading(_ document: MarkdownBlock, level: Int?) -> String? {
        for block in document.children {
            if let l = block.headingLevel, level == nil || l == level {
                let text = HeadingText.clean(block.inlines)
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    /// "08_pagerduty-postmortem-template.md" → "pagerduty postmortem template".
    static func titleFromFileName(_ fileName: String) -> String {
        var name = Substring(fileName)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        let kept = words.drop { $0.allSatisfy(\.isNumber) }
        let text = (kept.isEmpty ? words[...] : kept).joined(separator: " ")
        return text.isEmpty ? fileName : text
    }

    private static func sectionList(_ outline: Section) -> [SectionInfo] {
        var out: [SectionInfo] = []
        outline.forEach { section in
            guard section.level > 0 else { return }
            out.append(
                SectionInfo(title: section.title, level: section.level, line: section.line, path: section.pathText))
        }
        return out
    }
}
