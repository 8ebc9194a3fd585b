import Foundation
import IncidentKit
import RunbookKit

/// The runbook (and section) an alert points at.
public struct RunbookMatch: Sendable, Equatable {
    /// Absolute path of the Markdown file.
    public var path: String
    public var section: String?
    public var hash: String
    public var runbook: Runbook
}

/// The `.md` runbooks of the `alerts.runbooks` folder, read once when the intake starts (a
/// runbook that does not read is left out, with a warning).
public struct RunbookCatalog: Sendable {
    struct Entry: Sendable {
        /// Path components below the folder, `.md` dropped, lower case: what a URL path is matched to.
        var key: [String]
        var match: RunbookMatch
    }

    let entries: [Entry]
    public private(set) var warnings: [String] = []

    public init(folder: String?) {
        guard let folder else { entries = []; return }
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var found: [Entry] = []
        var warnings: [String] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension.lowercased() == "md" { files.append(url) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let path = url.standardizedFileURL.path
            let relative = String(path.dropFirst(root.path.count)).split(separator: "/").map(String.init)
            do {
                let runbook = try RunbookReader.read(file: path)
                let hash = SHA256.hex(try [UInt8](Data(contentsOf: url)))
                var key = relative.map { $0.lowercased() }
                key[key.count - 1] = Self.droppingMarkdown(key[key.count - 1])
                found.append(
                    Entry(key: key, match: RunbookMatch(path: path, section: nil, hash: hash, runbook: runbook)))
            } catch {
                warnings.append("\(path): left out: \(error)")
            }
        }
        if files.isEmpty { warnings.append("\(root.path): no .md runbooks") }
        entries = found
        self.warnings = warnings
    }

    /// The runbook of `runbook_url` (or the older `runbook`) annotation, matched by the last
    /// components of its path and its `#anchor`; else the section titled like the alertname.
    public func match(annotations: [String: String], alertname: String?) -> RunbookMatch? {
        if let reference = annotations["runbook_url"] ?? annotations["runbook"],
            let found = match(reference: reference, alertname: alertname)
        {
            return found
        }
        guard let alertname else { return nil }
        for entry in entries {
            if let section = Self.section(titled: alertname, in: entry.match.runbook) {
                var found = entry.match
                found.section = section
                return found
            }
        }
        return nil
    }

    func match(reference: String, alertname: String?) -> RunbookMatch? {
        let (path, anchor) = Self.split(reference)
        var wanted = path.split(separator: "/").map { $0.lowercased() }
        guard !wanted.isEmpty else { return nil }
        wanted[wanted.count - 1] = Self.droppingMarkdown(wanted[wanted.count - 1])
        var best: (score: Int, entry: Entry)?
        for entry in entries {
            let score = zip(entry.key.reversed(), wanted.reversed()).prefix { $0 == $1 }.count
            if score > 0, score > (best?.score ?? 0) { best = (score, entry) }
        }
        guard var found = best?.entry.match else { return nil }
        if let anchor {
            found.section = Self.section(anchor: anchor, in: found.runbook)
        } else if let alertname {
            found.section = Self.section(titled: alertname, in: found.runbook)
        }
        return found
    }

    /// `https://host/a/b.md#x` → (`/a/b.md`, `x`); a bare path works too.
    static func split(_ reference: String) -> (path: String, anchor: String?) {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts[0])
        if let url = URL(string: path), url.scheme != nil { path = url.path }
        path = path.removingPercentEncoding ?? path
        let anchor = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        return (path, anchor)
    }

    static func droppingMarkdown(_ name: String) -> String {
        name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The section whose GitHub-style slug is `anchor`.
    static func section(anchor: String, in runbook: Runbook) -> String? {
        let wanted = collapsed((anchor.removingPercentEncoding ?? anchor).lowercased())
        return runbook.sections.first { collapsed(slug($0.title)) == wanted }?.title
    }

    /// The section titled like `alertname`, ignoring case, spaces and punctuation, CamelCase split
    /// (`HighErrorRate` is "High error rate").
    static func section(titled alertname: String, in runbook: Runbook) -> String? {
        let wanted = words(alertname)
        guard !wanted.isEmpty else { return nil }
        return runbook.sections.first { words($0.title) == wanted }?.title
    }

    /// Letters and digits only, lower case: `HighErrorRate`, `High error rate` and `high_error-rate` agree.
    static func words(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// GitHub's anchor rule: lower case, only letters, digits, `_`, `-` and spaces, spaces become `-`.
    static func slug(_ title: String) -> String {
        var out = ""
        for character in title.lowercased() {
            if character == " " {
                out.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                out.append(character)
            }
        }
        return out
    }

    static func collapsed(_ slug: String) -> String {
        slug.split(separator: "-").joined(separator: "-")
    }
}
