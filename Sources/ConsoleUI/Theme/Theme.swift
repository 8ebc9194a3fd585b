/// How one key looks. Every field is optional so a theme file can change only part of it.
public struct ThemeEntry: Sendable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes?
    /// Attributes used instead of colour on a monochrome screen (`NO_COLOR`, `--no-color`).
    public var mono: TextAttributes?

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes? = nil,
        mono: TextAttributes? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.mono = mono
    }

    /// Fields set in `overlay` win; the rest stay.
    public func overlaid(with overlay: ThemeEntry) -> ThemeEntry {
        ThemeEntry(
            foreground: overlay.foreground ?? foreground, background: overlay.background ?? background,
            attributes: overlay.attributes ?? attributes, mono: overlay.mono ?? mono)
    }
}

/// A theme: a style for each semantic key. Themes from files are partial overlays over the
/// built-in default, so an entry a file leaves out keeps the default's.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// Always draw without colour, whatever the terminal can do.
    public var monochrome: Bool
    public var entries: [ThemeKey: ThemeEntry]

    public init(
        name: String, description: String? = nil, monochrome: Bool = false,
        entries: [ThemeKey: ThemeEntry] = [:]
    ) {
        self.name = name
        self.description = description
        self.monochrome = monochrome
        self.entries = entries
    }

    /// This theme with a partial one laid over it.
    public func overlaid(with overlay: ThemeOverlay) -> Theme {
        var result = self
        result.name = overlay.name ?? name
        result.description = overlay.description ?? description
        result.monochrome = overlay.monochrome ?? monochrome
        for (key, entry) in overlay.entries {
            result.entries[key] = (entries[key] ?? ThemeEntry()).overlaid(with: entry)
        }
        return result
    }

    /// The style for a key at a colour depth, colours already resolved to what it can show.
    /// Monochrome uses the entry's `mono` attributes (or its plain ones) and no colour.
    public func style(_ key: ThemeKey, depth: ColorDepth = .ansi256) -> Style {
        let entry = entries[key] ?? ThemeEntry()
        if depth == .mono || monochrome {
            return Style(attributes: entry.mono ?? entry.attributes ?? [])
        }
        return Style(
            foreground: depth.resolve(entry.foreground ?? .terminalDefault),
            background: depth.resolve(entry.background ?? .terminalDefault),
            attributes: entry.attributes ?? [])
    }

    /// Every key's style resolved once for a depth: what views draw with.
    public func palette(depth: ColorDepth) -> ThemePalette {
        ThemePalette(
            depth: monochrome ? .mono : depth,
            styles: ThemeKey.allCases.map { style($0, depth: depth) })
    }
}

/// A theme's styles resolved for one colour depth.
public struct ThemePalette: Sendable, Equatable {
    public let depth: ColorDepth
    private let styles: [Style]

    init(depth: ColorDepth, styles: [Style]) {
        self.depth = depth
        self.styles = styles
    }

    public subscript(key: ThemeKey) -> Style { styles[ThemeKey.index(of: key)] }
}

extension ThemeKey {
    private static let indices: [ThemeKey: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    static func index(of key: ThemeKey) -> Int { indices[key] ?? 0 }
}

/// A theme file's content: only what it sets.
public struct ThemeOverlay: Sendable, Equatable {
    public var name: String?
    public var description: String?
    public var monochrome: Bool?
    public var entries: [ThemeKey: ThemeEntry]

    public init(
        name: String? = nil, description: String? = nil, monochrome: Bool? = nil,
        entries: [ThemeKey: ThemeEntry] = [:]
    ) {
        self.name = name
        self.description = description
        self.monochrome = monochrome
        self.entries = entries
    }
}
