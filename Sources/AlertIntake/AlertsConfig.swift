import Foundation
import RunbookKit
import Yams

/// The `alerts:` section of `warroom.yaml`:
///
///     alerts:
///       listen: 127.0.0.1:9095
///       runbooks: runbooks/                    # relative to the config file
///       severity: {critical: SEV1, warning: SEV3}
///       auth: {bearer: "…"}                    # or {bearer_env: NAME}, {basic: {user, password | password_env}}
public struct AlertsConfig: Sendable, Equatable {
    public var listen: String?
    /// The runbooks folder, absolute.
    public var runbooks: String?
    /// Alert `severity` label (lower case) → incident severity.
    public var severity: [String: String] = [:]
    public var auth: ReceiverAuth = .none
    /// Problems that stop the receiver from starting (a wrong key, a missing env var).
    public var errors: [String] = []

    public init() {}

    /// Reads `alerts:` from a config file; a file without the section is an empty config.
    public static func load(file: String, environment: [String: String]) -> AlertsConfig {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            var config = AlertsConfig()
            config.errors.append("\(file): cannot read the file")
            return config
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        return parse(text, file: file, folder: folder, environment: environment)
    }

    public static func parse(_ yaml: String, file: String, folder: URL, environment: [String: String]) -> AlertsConfig {
        var config = AlertsConfig()
        func fail(_ message: String) { config.errors.append("\(file): alerts: \(message)") }
        let root: Node?
        do {
            root = try ConfigYAML.compose(yaml)
        } catch {
            config.errors.append("\(file): not valid YAML")
            return config
        }
        guard let section = root?.mapping?["alerts"] else { return config }
        guard let alerts = section.mapping else {
            fail("expected a mapping (listen, runbooks, severity, auth)"); return config
        }
        for (keyNode, value) in alerts {
            switch keyNode.string ?? "" {
            case "listen": config.listen = value.string
            case "runbooks":
                guard let path = value.string else { fail("runbooks: expected a folder"); continue }
                config.runbooks = folder.appendingPathComponent(path).standardizedFileURL.path
                if path.hasPrefix("/") { config.runbooks = URL(fileURLWithPath: path).standardizedFileURL.path }
            case "severity":
                guard let map = value.mapping else {
                    fail("severity: expected {critical: SEV1, warning: SEV3}"); continue
                }
                for (k, v) in map {
                    guard let label = k.string, let level = v.string else {
                        fail("severity: expected label: LEVEL"); continue
                    }
                    config.severity[label.lowercased()] = level
                }
            case "auth":
                switch ReceiverAuth.parse(value, environment: environment) {
                case .success(let auth): config.auth = auth
                case .failure(let problem): fail("auth: \(problem.message)")
                }
            case let other:
                fail("unknown key \"\(other)\" (expected listen, runbooks, severity, auth)")
            }
        }
        return config
    }
}

/// A configuration problem, in words.
public struct ConfigProblem: Error, Sendable {
    public var message: String
}
