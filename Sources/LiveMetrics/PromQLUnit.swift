import Foundation

/// The unit a PromQL query answers in, read from Prometheus' naming conventions, for a binding
/// without `unit:`: `histogram_quantile(… x_seconds_bucket …)` is seconds, `rate(x_total[5m])` is
/// per second, `errors / requests` of two rates is a ratio (× 100: a percentage), `x_bytes` bytes.
/// Nil when the query does not say; then the threshold's unit is assumed, as before.
public enum PromQLUnit {
    public static func infer(_ query: String) -> String? {
        let q = query.lowercased()
        let names = metricNames(in: q)
        let divides = topLevelDivision(q)
        if divides {
            // Two rates or sums divided: a share of a whole.
            let timesHundred = q.range(of: #"\*\s*100\b|\b100\s*\*"#, options: .regularExpression) != nil
            return timesHundred ? "%" : "ratio"
        }
        for suffix in [
            ("_seconds", "s"), ("_milliseconds", "ms"), ("_bytes", "bytes"), ("_ratio", "ratio"),
            ("_percent", "%")
        ] {
            if names.contains(where: { base($0).hasSuffix(suffix.0) }) {
                // A rate of a duration or size counter is still per second of it; quantiles and gauges keep the unit.
                return suffix.1
            }
        }
        if q.contains("rate(") || q.contains("irate("), names.contains(where: { $0.hasSuffix("_total") }) {
            return "/s"
        }
        return nil
    }

    /// Identifiers that look like metric names (letters, digits, `_`, `:`), without function names.
    static func metricNames(in q: String) -> [String] {
        let functions: Set<String> = [
            "sum", "rate", "irate", "increase", "avg", "max", "min", "count", "by", "without",
            "histogram_quantile", "avg_over_time", "max_over_time", "min_over_time",
            "sum_over_time", "quantile_over_time", "topk", "bottomk", "on", "ignoring",
            "group_left", "group_right", "and", "or", "unless", "offset", "clamp_min",
            "clamp_max", "abs", "delta", "deriv", "le", "quantile", "time", "vector",
            "scalar", "label_replace", "round", "ceil", "floor", "absent"
        ]
        var names: [String] = []
        var current = ""
        var inBraces = 0, inQuotes = false
        for c in q + " " {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "{" { inBraces += 1 } else if c == "}" { inBraces = max(0, inBraces - 1) }
            if inBraces == 0, c.isLetter || c.isNumber || c == "_" || c == ":" {
                current.append(c)
                continue
            }
            if !current.isEmpty, current.first?.isLetter == true || current.first == "_", !functions.contains(current),
                current.contains("_")
            {
                names.append(current)
            }
            current = ""
        }
        return names
    }

    /// `x_seconds_bucket` → `x_seconds`: the histogram's and summary's series suffixes dropped.
    static func base(_ name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count", "_total"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// A `/` between two expressions outside brackets and braces, other than a division by a
    /// plain number (`/ 1000` converts units; it is not a share).
    static func topLevelDivision(_ q: String) -> Bool {
        var depth = 0
        let chars = Array(q)
        for (i, c) in chars.enumerated() {
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "/" where depth == 0:
                let rest = String(chars[(i + 1)...]).trimmingCharacters(in: .whitespaces)
                if let first = rest.first, first.isNumber { continue }
                return true
            default: break
            }
        }
        return false
    }
}
