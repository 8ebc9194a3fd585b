import Yams

/// YAML front matter (`---` … `---` before the first heading).
enum FrontMatter {
    /// Reads the front matter's top-level scalars and replaces its lines with blank lines.
    static func blankOut(_ lines: inout [String], warnings: inout [RunbookWarning]) -> [String: String] {
        guard let first = lines.first, first.trimmingTrailing(" \t") == "---" else { return [:] }
        guard let end = lines.indices.dropFirst().prefix(500).first(where: {
            let l = lines[$0].trimmingTrailing(" \t")
            return l == "---" || l == "..."
        }) else { return [:] }
        let yaml = lines[1..<end].joined(separator: "\n")
        for i in 0...end { lines[i] = "" }
        do {
            guard let map = try Yams.load(yaml: yaml) as? [String: Any] else { return [:] }
            var out: [String: String] = [:]
            for (key, value) in map {
                switch value {
                case let s as String: out[key] = s
                case let n as Int: out[key] = String(n)
                case let d as Double: out[key] = String(d)
                case let b as Bool: out[key] = String(b)
                default: continue
                }
            }
            return out
        } catch {
            warnings.append(RunbookWarning(line: 1, message: "front matter is not valid YAML: \(error)"))
            return [:]
        }
    }
}
