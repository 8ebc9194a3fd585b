import Foundation

/// Finds themes by name (`themes/NAME.yaml` in the search directories) or by file path,
/// and lists them for `warroom themes`.
public struct ThemeCatalog: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// Where themes are looked for, in order: `$WARROOM_THEMES` (colon-separated),
    /// `./themes`, then a `themes` folder beside the executable or in one of its parents
    /// (so `.build/debug/warroom` finds the project's), then `../share/warroom/themes`.
    public static func defaultDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = CommandLine.arguments.first
    ) -> [String] {
        var result: [String] = []
        if let extra = environment["WARROOM_THEMES"], !extra.isEmpty {
            result += extra.split(separator: ":").map(String.init)
        }
        result.append((currentDirectory as NSString).appendingPathComponent("themes"))
        if let executablePath, !executablePath.isEmpty {
            let absolute =
                executablePath.hasPrefix("/")
                ? executablePath : (currentDirectory as NSString).appendingPathComponent(executablePath)
            var directory = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().deletingLastPathComponent()
            result.append(directory.deletingLastPathComponent().appendingPathComponent("share/warroom/themes").path)
            for _ in 0..<6 {
                result.append(directory.appendingPathComponent("themes").path)
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        var seen = Set<String>()
        return result.map { ($0 as NSString).standardizingPath }.filter { seen.insert($0).inserted }
    }

    public static func standard() -> ThemeCatalog { ThemeCatalog(directories: defaultDirectories()) }

    /// Treated as a path when it has a slash or ends in `.yaml`/`.yml`.
    static func looksLikePath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
    }

    /// The file for a name or path, if there is one.
    public func locate(_ nameOrPath: String) -> String? {
        let fm = FileManager.default
        if Self.looksLikePath(nameOrPath) {
            return fm.fileExists(atPath: nameOrPath) ? nameOrPath : nil
        }
        for directory in directories {
            for ext in ["yaml", "yml"] {
                let path = (directory as NSString).appendingPathComponent("\(nameOrPath).\(ext)")
                if fm.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Loads a theme over the built-in default. `nil` or `default` without a file gives the
    /// built-in default. Throws when a named theme or a path does not exist.
    public func load(_ nameOrPath: String?) throws -> ThemeLoadResult {
        let wanted = nameOrPath ?? "default"
        if let path = locate(wanted) {
            // The shipped default.yaml is the built-in's own text: parsed once, not twice.
            if (try? String(contentsOfFile: path, encoding: .utf8)) == BuiltinThemes.defaultYAML {
                return ThemeLoadResult(theme: BuiltinThemes.defaultTheme, warnings: [])
            }
            return try ThemeLoader.load(path: path)
        }
        if BuiltinThemes.names.contains(wanted) {
            return ThemeLoadResult(theme: BuiltinThemes.defaultTheme, warnings: [])
        }
        throw ThemeError.notFound(name: wanted, searched: Self.looksLikePath(wanted) ? [wanted] : directories)
    }

    /// A theme the catalog can load: its name, file (nil for a built-in) and description.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var path: String?
        public var description: String?
    }

    /// Every theme by name, built-ins included; the first directory that has a name wins.
    public func list() -> [Entry] {
        var entries: [String: Entry] = [:]
        for (name, path) in files() {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            entries[name] = Entry(
                name: name, path: path, description: ThemeLoader.parse(text, file: path).0.description)
        }
        for name in BuiltinThemes.names where entries[name] == nil {
            entries[name] = Entry(name: name, path: nil, description: BuiltinThemes.defaultTheme.description)
        }
        return entries.values.sorted { $0.name < $1.name }
    }

    /// Every theme's name, sorted, without reading the files: what the console's `:theme`
    /// completes, known before its first frame.
    public func names() -> [String] {
        Set(files().keys).union(BuiltinThemes.names).sorted()
    }

    /// The theme files by name; the first directory that has a name wins.
    private func files() -> [String: String] {
        var paths: [String: String] = [:]
        let fm = FileManager.default
        for directory in directories.reversed() {
            guard let files = try? fm.contentsOfDirectory(atPath: directory) else { continue }
            for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                paths[(file as NSString).deletingPathExtension] = (directory as NSString).appendingPathComponent(file)
            }
        }
        return paths
    }
}
