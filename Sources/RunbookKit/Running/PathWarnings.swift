/// Values that look like paths going somewhere the runbook did not mean: a `..` component walks
/// out of the directory the command names, and an absolute path replaces a relative one the
/// runbook wrote around the placeholder (`logs/<file>`, `./<dir>`). Warnings, not refusals: the
/// commander may mean it, but sees it in the preview before running.
enum PathWarnings {
    static func find(_ command: RunbookCommand, values: [String: String]) -> [String] {
        var out: [String] = []
        for name in command.placeholders {
            guard let value = values[name] else { continue }
            if value.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
                out.append("the value of \(name) has a .. component: it reaches outside the directory it names")
            }
            if value.hasPrefix("/") || value.hasPrefix("~") {
                let written =
                    PlaceholderOccurrences.find(in: command.code, language: command.language, names: [name]) ?? []
                if written.contains(where: { relativePathBefore(command.code, $0.range.lowerBound) }) || pathLike(name)
                {
                    out.append(
                        "the value of \(name) is an absolute path (\(value)) where the runbook has a relative one")
                }
            }
        }
        return out
    }

    /// The placeholder continues a relative path: `dir/<x>` or `./<x>` right before it.
    static func relativePathBefore(_ code: String, _ offset: Int) -> Bool {
        let bytes = Array(code.utf8)
        guard offset > 0, bytes[offset - 1] == UInt8(ascii: "/") else { return false }
        var k = offset - 1
        while k > 0, !ShellNumericSpots.isSeparator(bytes[k - 1]), bytes[k - 1] != UInt8(ascii: "'"),
            bytes[k - 1] != UInt8(ascii: "\"")
        { k -= 1 }
        return bytes[k] != UInt8(ascii: "/")
    }

    /// Names that say the value is a relative path (`<relative-path>`, `LOG_SUBDIR`).
    static func pathLike(_ name: String) -> Bool {
        PlaceholderValues.parts(name).contains { ["RELATIVE", "SUBDIR", "SUBPATH", "RELPATH"].contains($0) }
    }
}
