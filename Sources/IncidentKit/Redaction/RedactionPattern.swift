import Foundation

/// One kind of secret: a regular expression whose `secretGroups` capture the secret itself.
/// Only those groups become `[REDACTED]`; the rest of the match (the `password=`, the quotes,
/// the URL around a password) stays.
public struct RedactionPattern: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and safe to share.
    public var name: String
    /// Compiled on first use: most text never gets past `triggers`, and compiling the first
    /// expression of a process sets up ICU's tables (about a millisecond, before a first frame).
    private let compiled: LazyRegex
    var regex: NSRegularExpression { compiled.regex }
    /// Capture groups holding the secret; empty means the whole match.
    let secretGroups: [Int]
    /// Optional check on the whole match, for what a regex says poorly ("the name is
    /// about a secret"; "the value is not a `$VARIABLE` reference").
    let accept: (@Sendable (_ groups: [String?]) -> Bool)?
    /// Lower-case words one of which every match contains; text without any of them is skipped
    /// without running the regex (most text has no secret). Empty: always run.
    let triggers: [[UInt8]]
    /// Further lower-case words every match also holds one of, per group (`://` then `@` for a
    /// password in a URL): a trigger alone (`--tail`, `https://`) is common in commands, and the
    /// first expression a process runs sets up ICU's tables (~1 ms).
    let alsoNeeds: [[[UInt8]]]

    public init(
        name: String, _ pattern: String, options: NSRegularExpression.Options = [],
        triggers: [String] = [], alsoNeeds: [[String]] = [], secretGroups: [Int] = [],
        accept: (@Sendable ([String?]) -> Bool)? = nil
    ) throws {
        self.name = name
        self.triggers = triggers.map { Array($0.lowercased().utf8) }
        self.alsoNeeds = alsoNeeds.map { $0.map { Array($0.lowercased().utf8) } }
        self.compiled = LazyRegex(pattern: pattern, options: options)
        self.secretGroups = secretGroups
        self.accept = accept
    }

    /// A pattern from configuration: the first capture group if it has one, else the whole match.
    public init(configured pattern: String) throws {
        // Compiled now: a mistake in the configuration is told when it is loaded.
        let regex = try NSRegularExpression(pattern: pattern)
        try self.init(name: "configured", pattern, secretGroups: regex.numberOfCaptureGroups > 0 ? [1] : [])
        compiled.set(regex)
    }

    func mayMatch(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        (triggers.isEmpty || triggers.contains { TriggerSearch.contains(utf8, $0) })
            && alsoNeeds.allSatisfy { group in group.contains { TriggerSearch.contains(utf8, $0) } }
    }
}

/// An expression compiled once, by whichever thread first needs it.
final class LazyRegex: @unchecked Sendable {
    // @unchecked: `compiledRegex` is only read and written under `lock`.
    private let pattern: String
    private let options: NSRegularExpression.Options
    private let lock = NSLock()
    private var compiledRegex: NSRegularExpression?

    init(pattern: String, options: NSRegularExpression.Options) {
        self.pattern = pattern
        self.options = options
    }

    func set(_ regex: NSRegularExpression) { lock.withLock { compiledRegex = regex } }

    var regex: NSRegularExpression {
        lock.withLock {
            if let compiledRegex { return compiledRegex }
            // The built-in patterns are literals the tests compile; a configured one was compiled
            // when it was loaded (`init(configured:)`).
            // swiftlint:disable:next force_try
            let regex = try! NSRegularExpression(pattern: pattern, options: options)
            compiledRegex = regex
            return regex
        }
    }
}
