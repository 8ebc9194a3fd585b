import Yams

/// Reads `metrics:` entries. A bad entry is an error naming its line and key and is skipped.
enum MetricBindingReader {
    static let sourceKeys = ["prometheus", "command", "host", "http"]
    static let otherKeys: Set<String> = ["name", "unit", "every", "warning", "critical", "timeout"]
    static let hostMetrics = ["cpu", "memory", "load1", "load5", "load15", "fds"]

    static func read(_ node: Node, reader: inout ConfigReader) -> [MetricBinding] {
        guard let items = node.sequence else {
            reader.error("metrics", node, "expected a list of metric bindings (- name: …)")
            return []
        }
        return items.enumerated().compactMap { index, item in
            let before = reader.diagnostics.count
            let binding = entry(item, path: "metrics[\(index)]", reader: &reader)
            if binding == nil, let name = item.mapping?["name"]?.string,
                let error = reader.diagnostics[before...].first(where: { $0.severity == .error })
            {
                reader.rejectedMetrics[name] = error
            }
            return binding
        }
    }

    static func entry(_ node: Node, path: String, reader: inout ConfigReader) -> MetricBinding? {
        guard let mapping = node.mapping else {
            reader.error(
                path, node, "expected a mapping with name and a source (\(sourceKeys.joined(separator: ", ")))")
            return nil
        }
        var fields: [String: Node] = [:]
        var unknown: [(String, Node)] = []
        for (k, v) in mapping {
            let key = k.string ?? ""
            if sourceKeys.contains(key) || otherKeys.contains(key) { fields[key] = v } else { unknown.append((key, k)) }
        }
        guard let nameNode = fields["name"], let name = nameNode.scalar?.string, !name.isEmpty else {
            reader.error("\(path).name", node, "missing the metric's name")
            return nil
        }
        let named = "\(path).\(name)"
        let sources = sourceKeys.filter { fields[$0] != nil }
        guard sources.count == 1, let sourceKey = sources.first, let sourceNode = fields[sourceKey] else {
            if sources.count > 1 {
                reader.error(named, node, "give one source, not \(sources.joined(separator: " and "))")
            } else if let (key, keyNode) = unknown.first {
                reader.error(
                    "\(named).\(key)", keyNode,
                    "unknown source (expected one of: \(sourceKeys.joined(separator: ", ")))")
            } else {
                reader.error(named, node, "missing a source (\(sourceKeys.joined(separator: ", ")))")
            }
            return nil
        }
        for (key, keyNode) in unknown {
            reader.warning("\(named).\(key)", keyNode, "unknown key, ignored")
        }
        guard let sourceText = sourceNode.scalar?.string, !sourceText.isEmpty else {
            reader.error("\(named).\(sourceKey)", sourceNode, "expected text")
            return nil
        }
        let source: MetricBinding.Source
        switch sourceKey {
        case "prometheus": source = .prometheus(query: sourceText)
        case "command": source = .command(sourceText)
        case "http": source = .http(url: sourceText)
        default:
            guard hostMetrics.contains(sourceText) || sourceText.hasPrefix("disk:/") else {
                reader.error(
                    "\(named).host", sourceNode,
                    "unknown host metric '\(sourceText)' (expected \(hostMetrics.joined(separator: ", ")), disk:/path)")
                return nil
            }
            source = .host(sourceText)
        }
        var binding = MetricBinding(name: name, source: source, line: node.mark?.line)
        binding.unit = fields["unit"]?.scalar?.string
        var ok = true
        for (key, keyPath) in [("every", \MetricBinding.everySeconds), ("timeout", \MetricBinding.timeoutSeconds)] {
            guard let n = fields[key] else { continue }
            if let text = n.scalar?.string, let seconds = IntervalParser.seconds(text) {
                binding[keyPath: keyPath] = seconds
            } else {
                reader.error(
                    "\(named).\(key)", n, "cannot read '\(n.scalar?.string ?? "")' as an interval (15s, 1m, 500ms)")
                ok = false
            }
        }
        for (key, keyPath) in [("warning", \MetricBinding.warning), ("critical", \MetricBinding.critical)] {
            guard let n = fields[key] else { continue }
            if let text = n.scalar?.string, let t = ThresholdParser.threshold(text, line: n.mark?.line ?? 0) {
                binding[keyPath: keyPath] = t
            } else {
                reader.error("\(named).\(key)", n, "cannot read '\(n.scalar?.string ?? "")' as a threshold (\"> 80%\")")
                ok = false
            }
        }
        return ok ? binding : nil
    }
}
