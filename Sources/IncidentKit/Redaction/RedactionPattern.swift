import Foundation

/// One kind of secret: a regular expression whose `secretGroups` capture the secret itself.
/// Only those groups become `[REDACTED]`; the rest of the match (the `password=`, the quotes,
/// the URL around a password) stays.
public struct RedactionPattern: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and safe to share.
    public var name: String
    let regex: NSRegularExpression
    /// Capture groups holding the secret; empty means the whole match.
    let secretGroups: [Int]
    /// Optional check on the whole match, for what a regex says poorly ("the name is
    /// about a secret"; "the value is not a `$VARIABLE` reference").
    let accept: (@Sendable (_ groups: [String?]) -> Bool)?
    /// Lower-case words one of which every match contains; text without any of them is skipped
    /// without running the regex (most text has no secret). Empty: always run.
    let triggers: [[UInt8]]

    public init(
        name: String, _ pattern: String, options: NSRegularExpression.Options = [],
        triggers: [String] = [], secretGroups: [Int] = [],
        accept: (@Sendable ([String?]) -> Bool)? = nil
    ) throws {
        self.name = name
        self.triggers = triggers.map { Array($0.lowercased().utf8) }
        self.regex = try NSRegularExpression(pattern: pattern, options: options)
        self.secretGroups = secretGroups
        self.accept = accept
    }

    /// A pattern from configuration: the first capture group if it has one, else the whole match.
    public init(configured pattern: String) throws {
        let regex = try NSRegularExpression(pattern: pattern)
        try self.init(name: "configured", pattern, secretGroups: regex.numberOfCaptureGroups > 0 ? [1] : [])
    }

    func mayMatch(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        triggers.isEmpty || triggers.contains { TriggerSearch.contains(utf8, $0) }
    }
}
