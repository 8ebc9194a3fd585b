import Foundation

/// Replaces secrets in text by `[REDACTED]` before anything is stored or exported.
/// Only the secret goes: `password=hunter2` becomes `password=[REDACTED]`.
public struct Redactor: Sendable {
    public static let marker = "[REDACTED]"
    public static let standard = Redactor()

    public private(set) var patterns: [RedactionPattern]

    /// The built-in patterns plus `extra` regular expressions from configuration.
    public init(extra: [String] = []) throws {
        patterns = RedactionPatterns.all()
        for pattern in extra { patterns.append(try RedactionPattern(configured: pattern)) }
    }

    public init() {
        patterns = RedactionPatterns.all()
    }

    mutating func append(_ pattern: RedactionPattern) { patterns.append(pattern) }

    /// Only the exact `values` (a run's secret values), none of the built-in patterns: for the
    /// output shown on screen, where only what the run itself knows to be secret is masked.
    public static func literals(_ values: [String]) -> Redactor {
        var redactor = Redactor()
        redactor.patterns = []
        return redactor.adding(literals: values)
    }

    public func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var utf8 = text
        let candidates = utf8.withUTF8 { bytes in patterns.filter { $0.mayMatch(bytes) } }
        var result = text
        for pattern in candidates { result = apply(pattern, to: result) }
        return result
    }

    /// False when no pattern can match: the text is certainly free of secrets.
    public func mightContainSecret(_ text: String) -> Bool {
        var utf8 = text
        return utf8.withUTF8 { bytes in patterns.contains { $0.mayMatch(bytes) } }
    }

    /// `mightContainSecret` over UTF-8 bytes, for output streamed in large chunks: when it is
    /// false for a chunk, it is false for every line in it.
    public func mightContainSecret(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        patterns.contains { $0.mayMatch(bytes) }
    }

    /// Applies one pattern, replacing from the end so earlier ranges stay valid.
    private func apply(_ pattern: RedactionPattern, to text: String) -> String {
        let ns = text as NSString
        let matches = pattern.regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var ranges: [NSRange] = []
        for match in matches {
            if let accept = pattern.accept {
                let groups: [String?] = (0..<match.numberOfRanges).map {
                    let r = match.range(at: $0)
                    return r.location == NSNotFound ? nil : ns.substring(with: r)
                }
                guard accept(groups) else { continue }
            }
            if pattern.secretGroups.isEmpty {
                ranges.append(match.range)
            } else {
                for g in pattern.secretGroups where g < match.numberOfRanges {
                    let r = match.range(at: g)
                    if r.location != NSNotFound, r.length > 0 { ranges.append(r) }
                }
            }
        }
        let out = NSMutableString(string: text)
        for range in ranges.sorted(by: { $0.location > $1.location }) {
            out.replaceCharacters(in: range, with: Self.marker)
        }
        return out as String
    }

    /// Redacts every string inside a JSON value (keys stay).
    func redactJSON(_ value: Any) -> Any {
        switch value {
        case let s as String: return redact(s)
        case let array as [Any]: return array.map(redactJSON)
        case let dict as [String: Any]: return dict.mapValues(redactJSON)
        default: return value
        }
    }
}
