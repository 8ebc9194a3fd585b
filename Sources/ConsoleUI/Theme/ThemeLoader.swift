import Foundation
import RunbookKit
import Yams

/// A problem in a theme file. Loading goes on: the rest of the file still applies.
public struct ThemeWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Dotted path of the key (`styles.header.fg`).
    public var key: String
    /// 1-based line in the file; nil when the YAML itself could not be read.
    public var line: Int?
    public var message: String

    public init(file: String, key: String, line: Int?, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(key.isEmpty ? "" : key + ": ")\(message)"
    }
}

/// A theme ready to use and what was wrong in its file.
public struct ThemeLoadResult: Sendable {
    public var theme: Theme
    public var warnings: [ThemeWarning]
}

/// Reads theme YAML into a partial overlay, warning about anything it cannot use.
public enum ThemeLoader {
    static let topKeys: Set<String> = ["name", "description", "monochrome", "styles"]

    /// Parses theme YAML. `file` names it in warnings.
    public static func parse(_ yaml: String, file: String) -> (ThemeOverlay, [ThemeWarning]) {
        var warnings: [ThemeWarning] = []
        var overlay = ThemeOverlay()
        func warn(_ key: String, _ node: Node?, _ message: String) {
            warnings.append(ThemeWarning(file: file, key: key, line: node?.mark?.line, message: message))
        }
        let root: Node?
        do {
            root = try ConfigYAML.compose(yaml)
        } catch {
            warnings.append(ThemeWarning(file: file, key: "", line: nil, message: "not valid YAML: \(error)"))
            return (overlay, warnings)
        }
        guard let root else { return (overlay, warnings) }
        guard let top = root.mapping else {
            warn("", root, "a theme is a mapping with `name` and `styles`")
            return (overlay, warnings)
        }
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "name": overlay.name = value.string
            case "description": overlay.description = value.string
            case "monochrome":
                if let flag = value.bool {
                    overlay.monochrome = flag
                } else {
                    warn(key, value, "expected true or false")
                }
            case "styles":
                guard let styles = value.mapping else {
                    warn(key, value, "expected a mapping of style keys")
                    continue
                }
                for (styleKeyNode, entryNode) in styles {
                    let name = styleKeyNode.string ?? ""
                    guard let themeKey = ThemeKey(rawValue: name) else {
                        warn("styles.\(name)", styleKeyNode, "unknown style key")
                        continue
                    }
                    if let entry = parseEntry(entryNode, path: "styles.\(name)", warn: warn) {
                        overlay.entries[themeKey] = entry
                    }
                }
            default:
                warn(key, keyNode, "unknown key (expected one of: \(topKeys.sorted().joined(separator: ", ")))")
            }
        }
        return (overlay, warnings)
    }

    private static func parseEntry(
        _ node: Node, path: String,
        warn: (String, Node?, String) -> Void
    ) -> ThemeEntry? {
        guard let fields = node.mapping else {
            warn(path, node, "expected a mapping with fg, bg, attrs, mono")
            return nil
        }
        var entry = ThemeEntry()
        for (fieldNode, value) in fields {
            let field = fieldNode.string ?? ""
            let fieldPath = "\(path).\(field)"
            switch field {
            case "fg", "foreground", "bg", "background":
                guard let text = value.string, let color = ColorNames.parse(text) else {
                    warn(
                        fieldPath, value,
                        "bad colour \(value.string.map { "'\($0)'" } ?? "value")"
                            + " (a name like red or brightRed, color0-color255, 0-255, #rrggbb or default)")
                    continue
                }
                if field.hasPrefix("f") { entry.foreground = color } else { entry.background = color }
            case "attrs", "attributes", "mono":
                let attributes = parseAttributes(value, path: fieldPath, warn: warn)
                if field == "mono" { entry.mono = attributes } else { entry.attributes = attributes }
            default:
                warn(fieldPath, fieldNode, "unknown field (expected fg, bg, attrs, mono)")
            }
        }
        return entry
    }

    private static func parseAttributes(
        _ node: Node, path: String,
        warn: (String, Node?, String) -> Void
    ) -> TextAttributes {
        var words: [(String, Node)] = []
        if let sequence = node.sequence {
            for item in sequence { words.append((item.string ?? "", item)) }
        } else if let text = node.string {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) { words.append((String(word), node)) }
        }
        var result: TextAttributes = []
        for (word, itemNode) in words {
            let lower = word.lowercased()
            if lower == "none" || lower == "normal" { continue }
            if let match = TextAttributes.named.first(where: { $0.0 == lower }) {
                result.insert(match.1)
            } else {
                warn(path, itemNode, "unknown attribute '\(word)' (expected bold, dim, underline, reverse, italic)")
            }
        }
        return result
    }

    /// Loads a theme file over `base`. Throws only when the file cannot be read.
    public static func load(path: String, over base: Theme = BuiltinThemes.defaultTheme) throws -> ThemeLoadResult {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError.unreadable(path: path, reason: error.localizedDescription)
        }
        let (overlay, warnings) = parse(text, file: path)
        var theme = base.overlaid(with: overlay)
        if overlay.name == nil {
            theme.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        return ThemeLoadResult(theme: theme, warnings: warnings)
    }
}

public enum ThemeError: Error, Equatable, CustomStringConvertible {
    case notFound(name: String, searched: [String])
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            return
                "no theme named '\(name)' (looked in: "
                + "\(searched.isEmpty ? "nowhere" : searched.joined(separator: ", ")))"
        case .unreadable(let path, let reason):
            return "cannot read theme file \(path): \(reason)"
        }
    }
}
