import Foundation

/// PromQL inside commands: `curl …/api/v1/query?query=up`, `--data-urlencode 'query=…'`,
/// and `promql` fences.
enum PromQLFinder {
    static func queries(in commands: [RunbookCommand]) -> [MetricQuery] {
        var out: [MetricQuery] = []
        for command in commands {
            if command.language == "promql" {
                out.append(MetricQuery(query: command.code.trimmed, command: command.id, line: command.line))
                continue
            }
            guard command.code.contains("query=") else { continue }
            var rest = Substring(command.code)
            while let range = rest.range(of: "query=") {
                let after = rest[range.upperBound...]
                let terminators: Set<Character> = after.first == "'" || after.first == "\"" ? [after.first!] : [" ", "\n", "'", "\"", "&"]
                let body = after.first == "'" || after.first == "\"" ? after.dropFirst() : after
                let end = body.firstIndex(where: { terminators.contains($0) }) ?? body.endIndex
                let raw = String(body[..<end])
                let query = (raw.removingPercentEncoding ?? raw).replacingOccurrences(of: "+", with: " ").trimmed
                if !query.isEmpty {
                    out.append(MetricQuery(query: query, command: command.id, line: command.line))
                }
                rest = body[end...]
            }
        }
        return out
    }

    /// Words a query's metric names are made of, folded like metric names
    /// (`http_requests_total{status=~"5.."}` → http, request, total, error …).
    static func words(of query: String) -> Set<String> {
        var words = MetricName.key(query.replacingOccurrences(of: "_", with: " "))
        if query.contains("5..") || query.contains("5xx") || query.lowercased().contains("error") { words.insert("error") }
        if query.contains("histogram_quantile") || query.contains("duration") || query.contains("latency") {
            words.insert("latency")
        }
        words.subtract(["sum", "rate", "by", "total", "irate", "increase", "avg", "max", "min", "count", "le", "status",
                        "http", "request", "server", "api", "bucket", "second", "code", "job", "instance"])
        return words
    }

    /// Words that say what is measured; a match on one of them outweighs incidental words.
    static let measures: Set<String> = ["error", "latency", "memory", "cpu", "disk", "queue", "lag", "connection",
                                        "certificate", "inode", "load", "saturation", "throughput", "up"]
}
