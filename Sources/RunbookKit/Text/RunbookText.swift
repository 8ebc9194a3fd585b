import Foundation

/// Turns a runbook file's bytes into the text the Markdown parser reads: BOM removed, line
/// ends normalised, invalid UTF-8 decoded as Windows-1252, mojibake repaired, front matter
/// and wiki macros blanked out (line numbers stay those of the file).
public struct RunbookText: Sendable {
    public var text: String
    /// `key: value` pairs of the YAML front matter, when present.
    public var frontMatter: [String: String]
    /// The file line of each top-level key of the front matter.
    public var frontMatterLines: [String: Int] = [:]
    public var warnings: [RunbookWarning]

    public init(bytes: [UInt8]) {
        var warnings: [RunbookWarning] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var decoded: String
        if let text = String(validating: body, as: UTF8.self) {
            decoded = text
        } else {
            let line = Self.lineOfFirstInvalidByte(body)
            warnings.append(
                RunbookWarning(
                    line: line,
                    message: "file is not valid UTF-8 (first bad byte on this line); read as Windows-1252"))
            decoded = String(String.UnicodeScalarView(body.map { LegacyCharset.windows1252.decode($0) }))
        }
        if decoded.holdsByte(13) {
            decoded = decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if decoded.holdsByte(0) {
            decoded = decoded.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
            warnings.append(RunbookWarning(line: 1, message: "file contains NUL bytes; replaced"))
        }
        let (repaired, report) = MojibakeRepair.repair(decoded)
        if report.repairs > 0 {
            let charsets = report.charsets.sorted().joined(separator: ", ")
            warnings.append(
                RunbookWarning(
                    line: report.firstLine ?? 1,
                    message: "repaired \(report.repairs) mis-decoded character sequence(s) (UTF-8 read as \(charsets))")
            )
        }
        // Front matter and wiki markup are rewritten line by line; most files have neither.
        if repaired.hasPrefix("---") || WikiMarkup.mayApply(to: repaired) {
            var lines = repaired.lines.map(String.init)
            frontMatterLines = FrontMatter.keyLines(lines)
            frontMatter = FrontMatter.blankOut(&lines, warnings: &warnings)
            WikiMarkup.normalise(&lines)
            text = lines.joined(separator: "\n")
        } else {
            frontMatter = [:]
            text = repaired
        }
        self.warnings = warnings
    }

    private static func lineOfFirstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s == "\n" { line += 1 }
            case .emptyInput: return line
            case .error: return line
            }
        }
    }
}
