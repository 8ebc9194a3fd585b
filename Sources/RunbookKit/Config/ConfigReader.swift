import Foundation
import Yams

/// Collects diagnostics with the YAML position of the node they are about.
struct ConfigReader {
    let file: String
    var diagnostics: [ConfigDiagnostic] = []
    /// Metric bindings dropped for an error, by the name they give, with that error.
    var rejectedMetrics: [String: ConfigDiagnostic] = [:]

    mutating func error(_ key: String, _ node: Node?, _ message: String) {
        error(key, line: node?.mark?.line, message)
    }

    mutating func error(_ key: String, line: Int?, _ message: String) {
        diagnostics.append(ConfigDiagnostic(severity: .error, file: file, line: line, key: key, message: message))
    }

    mutating func warning(_ key: String, _ node: Node?, _ message: String) {
        diagnostics.append(
            ConfigDiagnostic(
                severity: .warning, file: file, line: node?.mark?.line, key: key,
                message: message))
    }

    mutating func string(_ node: Node, key: String) -> String? {
        if let s = node.scalar?.string, !s.isEmpty { return s }
        error(key, node, "expected text")
        return nil
    }

    mutating func strings(_ node: Node, key: String) -> [String] {
        if let s = node.scalar?.string { return s.isEmpty ? [] : [s] }
        guard let items = node.sequence else {
            error(key, node, "expected a list of text")
            return []
        }
        return items.enumerated().compactMap { index, item in string(item, key: "\(key)[\(index)]") }
    }

    /// A list of regular expressions (`redact:`); one that does not compile is an error on its own line
    /// and is left out, so the others still apply.
    mutating func regularExpressions(_ node: Node, key: String) -> [String] {
        let items = node.sequence.map(Array.init) ?? [node]
        var out: [String] = []
        for (index, item) in items.enumerated() {
            let itemKey = node.sequence == nil ? key : "\(key)[\(index)]"
            guard let pattern = string(item, key: itemKey) else { continue }
            do {
                _ = try NSRegularExpression(pattern: pattern)
                out.append(pattern)
            } catch {
                self.error(itemKey, item, "not a valid regular expression: \(pattern)")
            }
        }
        return out
    }

    mutating func stringMap(_ node: Node, key: String) -> [String: String] {
        guard let mapping = node.mapping else {
            error(key, node, "expected a mapping")
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in mapping {
            let name = k.string ?? ""
            if let s = string(v, key: "\(key).\(name)") { out[name] = s }
        }
        return out
    }

    static func line(of error: any Error) -> Int? {
        switch error as? YamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func problem(of error: any Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
