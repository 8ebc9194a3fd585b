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
            for query in queryParameters(in: command.code) {
                out.append(MetricQuery(query: query, command: command.id, line: command.line))
            }
        }
        return out
    }

    /// Values of `query=` in a command, read up to the end of the quoted string (or word)
    /// that holds them; in a URL also up to the next `&`.
    static func queryParameters(in code: String) -> [String] {
        var out: [String] = []
        let chars = Array(code)
        var quote: Character? = nil
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            }
            guard c == "q", i + 6 <= chars.count, String(chars[i..<(i + 6)]) == "query=",
                i == 0 || !chars[i - 1].isLetter
            else { i += 1; continue }
            let inURL = i > 0 && (chars[i - 1] == "?" || chars[i - 1] == "&")
            var j = i + 6
            var value = ""
            while j < chars.count {
                let d = chars[j]
                if let q = quote, d == q { break }
                if quote == nil, d == " " || d == "\n" || d == "'" || d == "\"" { break }
                if inURL, d == "&" { break }
                value.append(d)
                j += 1
            }
            let decoded = (value.removingPercentEncoding ?? value)
            let query = (inURL ? decoded.replacingOccurrences(of: "+", with: " ") : decoded).trimmed
            if !query.isEmpty { out.append(query) }
            i = j
        }
        return out
    }

    /// Words a query's metric names are made of, folded like metric names
    /// (`http_requests_total{status=~"5.."}` → http, request, total, error …).
    static func words(of query: String) -> Set<String> {
        var words = MetricName.key(query.replacingOccurrences(of: "_", with: " "))
        if query.contains("5..") || query.contains("5xx") || query.lowercased().contains("error") {
            words.insert("error")
        }
        if query.contains("histogram_quantile") || query.contains("duration") || query.contains("latency") {
            words.insert("latency")
        }
        words.subtract([
            "sum", "rate", "by", "total", "irate", "increase", "avg", "max", "min", "count", "le", "status",
            "http", "request", "server", "api", "bucket", "second", "code", "job", "instance"
        ])
        return words
    }

    /// Words that say what is measured; a match on one of them outweighs incidental words.
    static let measures: Set<String> = [
        "error", "latency", "memory", "cpu", "disk", "queue", "lag", "connection",
        "certificate", "inode", "load", "saturation", "throughput", "up"
    ]
}
