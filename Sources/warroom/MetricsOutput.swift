import Foundation
import LiveMetrics

/// The table and JSON that `warroom metrics` prints.
enum MetricsOutput {
    static func exitCode(_ statuses: [MetricStatus], configErrors: Bool) -> Int32 {
        if configErrors || statuses.contains(where: { $0.state == .error || $0.state == .stale }) { return 2 }
        if statuses.contains(where: { $0.state == .warn || $0.state == .crit }) { return 1 }
        return 0
    }

    static func valueText(_ s: MetricStatus) -> String {
        guard let value = s.value else { return "-" }
        let number =
            abs(value) >= 100 || value == value.rounded()
            ? String(format: "%.0f", value) : String(format: "%.3g", value)
        guard let unit = s.unit else { return number }
        return unit == "%" ? number + "%" : "\(number) \(unit)"
    }

    static func table(_ statuses: [MetricStatus]) -> String {
        let rows = statuses.map { s -> [String] in
            var note = s.error ?? s.pendingText ?? s.detail ?? ""
            if let n = s.seriesCount, n > 1, s.error == nil { note = "worst of \(n) series" }
            if s.state == .unbound { note = s.hint ?? "" }
            return [s.name, valueText(s), s.state.rawValue.uppercased(), s.threshold ?? "", note]
        }
        let header = ["METRIC", "VALUE", "STATE", "THRESHOLD", ""]
        let all = [header] + rows
        let widths = (0..<4).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + (row[4].isEmpty ? "" : "  " + row[4])
        }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    /// An array of `{"name","value","unit","state","threshold","error"}`, keys in that order and always
    /// present (null when empty), so consumers need no optional-key checks. A metric read from several
    /// series adds `"series": [{"labels": {…}, "value": …}]`, worst first.
    static func json(_ statuses: [MetricStatus]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func fragment<T: Encodable>(_ value: T?) -> String {
            guard let value, let data = try? encoder.encode(value) else { return "null" }
            return String(decoding: data, as: UTF8.self)
        }
        let rows = statuses.map { s in
            let fields = [
                ("name", fragment(s.name)), ("value", fragment(s.value)), ("unit", fragment(s.unit)),
                ("state", fragment(s.state.rawValue)), ("threshold", fragment(s.threshold)),
                ("error", fragment(s.error ?? (s.state == .unbound ? s.hint : nil)))
            ]
            var all = fields
            if s.series.count > 1 {
                let list = s.series.map { "{\"labels\": \(labels($0.labels)), \"value\": \(fragment($0.value))}" }
                all.append(("series", "[" + list.joined(separator: ", ") + "]"))
            }
            return "  {" + all.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return rows.isEmpty ? "[]" : "[\n" + rows.joined(separator: ",\n") + "\n]"
    }

    /// Labels as a JSON object with sorted keys (stable output for diffs and tests).
    static func labels(_ labels: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(labels) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
