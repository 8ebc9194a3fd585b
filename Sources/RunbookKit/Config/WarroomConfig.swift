import Foundation
import Yams

/// `warroom.yaml`: everything optional. Read by `warroom metrics`, the console and the command runner.
public struct WarroomConfig: Sendable, Equatable {
    /// Prometheus base URL (`prometheus:`), before `PROMETHEUS_URL` is considered.
    public var prometheus: String?
    public var metrics: [MetricBinding] = []
    /// Fence language (lower case) → how a block of it runs (`sql: psql … -f -`, or `{run, workdir, env}`).
    public var runners: [String: RunnerSettings.Runner] = [:]
    /// `commands:`: working directory, environment, timeout and silence limit of every run.
    public var commands = CommandDefaults()
    public var theme: String?
    public var store: String?
    /// Extra redaction patterns (regular expressions; the first capture group is the secret, else
    /// the whole match), applied with `<store>/redact.patterns` when a journal opens with this config.
    public var redact: [String] = []
    /// Status-update cadence and delivery (`updates:`).
    public var updates = UpdateSettings()
    /// Problems found while reading; errors drop only the entry they are in.
    public var diagnostics: [ConfigDiagnostic] = []
    /// Metric bindings dropped for an error, by the name they give: the metric shows that error
    /// instead of looking unbound.
    public var rejectedMetrics: [String: ConfigDiagnostic] = [:]
    public var file: String

    public init(file: String) { self.file = file }

    public var errors: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [ConfigDiagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The Prometheus URL to use: the config's, else `PROMETHEUS_URL` from `environment`.
    public func prometheusURL(environment: [String: String]) -> String? {
        prometheus ?? environment["PROMETHEUS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static let topKeys: Set<String> = [
        "prometheus", "metrics", "runners", "commands", "theme", "store", "redact", "alerts", "updates"
    ]

    /// Reads a file. A missing or unreadable file is an error diagnostic, not a throw.
    public static func load(file: String) -> WarroomConfig {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            var config = WarroomConfig(file: file)
            config.diagnostics.append(
                ConfigDiagnostic(
                    severity: .error, file: file, line: nil, key: "",
                    message: "cannot read the file"))
            return config
        }
        return parse(text, file: file)
    }

    public static func parse(_ yaml: String, file: String) -> WarroomConfig {
        var reader = ConfigReader(file: file)
        var config = WarroomConfig(file: file)
        let root: Node?
        do {
            root = try ConfigYAML.compose(yaml)
        } catch {
            reader.error("", line: ConfigReader.line(of: error), "not valid YAML: \(ConfigReader.problem(of: error))")
            config.diagnostics = reader.diagnostics
            return config
        }
        guard let root else { return config }
        guard let top = root.mapping else {
            reader.error("", root, "expected a mapping of settings (prometheus, metrics, runners, …)")
            config.diagnostics = reader.diagnostics
            return config
        }
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "prometheus": config.prometheus = reader.string(value, key: key)
            case "theme": config.theme = reader.string(value, key: key)
            case "store": config.store = reader.string(value, key: key)
            case "redact": config.redact = reader.regularExpressions(value, key: key)
            case "runners": config.runners = RunnerConfigReader.runners(value, reader: &reader)
            case "commands": config.commands = RunnerConfigReader.commands(value, reader: &reader)
            case "metrics": config.metrics = MetricBindingReader.read(value, reader: &reader)
            case "updates": config.updates = UpdateSettings.read(value, reader: &reader)
            // Read (and checked) by the AlertIntake target, which owns the alert settings.
            case "alerts": break
            default:
                reader.warning(
                    key, keyNode, "unknown key (expected one of: \(topKeys.sorted().joined(separator: ", ")))")
            }
        }
        config.diagnostics = reader.diagnostics
        config.rejectedMetrics = reader.rejectedMetrics
        return config
    }
}
