/// A problem in `warroom.yaml`, located by file, line and key so it can be fixed directly.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var file: String
    /// 1-based; nil when the YAML could not be located (for example, an unreadable file).
    public var line: Int?
    /// Dotted path of the key: `metrics[1].every`.
    public var key: String
    public var message: String

    public init(severity: Severity, file: String, line: Int?, key: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(key): \(message)"
    }
}
