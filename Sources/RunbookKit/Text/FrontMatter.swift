import Yams

/// YAML front matter (`---` … `---` before the first heading).
enum FrontMatter {
    /// Reads the front matter's top-level scalars and replaces its lines with blank lines.
    static func blankOut(_ lines: inout [String], warnings: inout [RunbookWarning]) -> [String: String] {
        guard let first = lines.first, first.trimmingTrailing(" \t") == "---" else { return [:] }
        guard
            let end = lines.indices.dropFirst().prefix(500).first(where: {
                let l = lines[$0].trimmingTrailing(" \t")
                return l == "---" || l == "..."
            })
        else { return [:] }
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
            // Keep what can be read (the title above all): `key: value` lines, the first of a
            // duplicated key winning, the way a person reads the block.
            let reason = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            warnings.append(
                RunbookWarning(
                    line: 1,
                    message: "front matter is not valid YAML (\(reason)); its plain `key: value` lines were kept"))
            return plainPairs(lines: yaml)
        }
    }

    /// The file line (1-based) of each top-level key, read before the lines are blanked out.
    static func keyLines(_ lines: [String]) -> [String: Int] {
        guard let first = lines.first, first.trimmingTrailing(" \t") == "---" else { return [:] }
        var out: [String: Int] = [:]
        for index in lines.indices.dropFirst().prefix(500) {
            let line = lines[index]
            if line.trimmingTrailing(" \t") == "---" || line.trimmingTrailing(" \t") == "..." { break }
            guard line.first?.isLetter == true, let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmed
            if !key.contains(" "), out[key] == nil { out[key] = index + 1 }
        }
        return out
    }

    /// Top-level `key: value` lines, unquoted.
    static func plainPairs(lines yaml: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in yaml.split(separator: "\n") where line.first?.isLetter == true {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmed
            var value = line[line.index(after: colon)...].trimmed
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty, !key.contains(" "), !value.isEmpty, out[key] == nil { out[key] = value }
        }
        return out
    }
}
