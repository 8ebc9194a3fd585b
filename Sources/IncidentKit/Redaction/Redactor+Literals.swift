import Foundation

extension Redactor {
    /// This redactor plus the exact `literals` (a run's secret values): wherever one appears in
    /// output, a tail or a text, it is redacted even when no built-in pattern would know it for a
    /// secret. Values shorter than 4 characters are left out: masking every `abc` would mangle the
    /// output while protecting nothing a guess would not find.
    public func adding(literals: [String]) -> Redactor {
        var copy = self
        for literal in Set(literals) where literal.count >= 4 && !literal.contains(where: \.isNewline) {
            let escaped = NSRegularExpression.escapedPattern(for: literal)
            if let pattern = try? RedactionPattern(
                name: "secret value", escaped, triggers: [String(literal.prefix(16))])
            {
                copy.append(pattern)
            }
        }
        return copy
    }
}
