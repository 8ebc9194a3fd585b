import Foundation

/// Cleans and compares metric names, so "High error rate (>5% 5xx responses)", "Error rate
/// > 1% for 10 minutes" and "Error Rate" in a table are known as one metric.
enum MetricName {
    /// Words that describe the alert, not the metric.
    static let noise: Set<String> = [
        "high", "low", "slow", "elevated", "increased", "excessive", "critical", "warning", "warn", "alert",
        "is", "are", "the", "a", "an", "too", "very", "spike", "spikes", "unusual", "abnormal", "drops", "falls",
        "rises", "climbs", "goes", "stays", "gets"
    ]

    static func clean(_ text: String) -> String {
        var words = text.withoutSymbols.replacingIfPresent("**", with: "")
            .split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
        while let first = words.first, noise.contains(first.lowercased()) { words.removeFirst() }
        while let last = words.last, noise.contains(last.lowercased()) || last == "-" { words.removeLast() }
        var name = words.joined(separator: " ").trimmingTrailing("-–—:(")
        name = name.replacingIfPresent("( ", with: "(").replacingIfPresent(" )", with: ")")
        guard let first = name.first else { return "" }
        return first.uppercased() + name.dropFirst()
    }

    static func isPercentile(_ word: String) -> Bool {
        let w = word.lowercased().trimmingTrailing(",)")
        return w.count >= 2 && w.count <= 6 && (w.hasPrefix("p") || w.hasPrefix("p9"))
            && w.dropFirst().allSatisfy(\.isNumber)
    }

    private static let synonyms: [String: String] = [
        "latency": "latency", "response": "latency", "db": "database", "mem": "memory", "ram": "memory",
        "errors": "error", "5xx": "error", "utilization": "usage", "utilisation": "usage", "use": "usage",
        "conn": "connection", "connections": "connection", "cert": "certificate", "ssl": "certificate",
        "tls": "certificate", "expiration": "expiry"
    ]
    /// "response time" ≈ latency.
    private static let drop: Set<String> = ["time", "times", "of", "and", "per", "p", "rate"]

    /// Significant words, singular, with common synonyms folded.
    static func key(_ name: String) -> Set<String> {
        var out = Set<String>()
        for raw in name.lowercased().split(whereSeparator: { !$0.isLetterOrNumber }) {
            var w = String(raw)
            if let s = synonyms[w] { w = s }
            if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { w.removeLast() }
            if let s = synonyms[w] { w = s }
            if noise.contains(w) || (drop.contains(w) && w != "rate") { continue }
            out.insert(w)
        }
        // "Error rate": keep "rate" only when it is what distinguishes the metric.
        if name.lowercased().contains("rate") { out.insert("rate") }
        return out
    }

    static func same(_ a: String, _ b: String) -> Bool { same(key(a), key(b)) }

    static func same(_ ka: Set<String>, _ kb: Set<String>) -> Bool {
        guard !ka.isEmpty, !kb.isEmpty else { return false }
        if ka == kb { return true }
        let (small, large) = ka.count < kb.count ? (ka, kb) : (kb, ka)
        return small.count >= 2 && small.isSubset(of: large)
    }
}
