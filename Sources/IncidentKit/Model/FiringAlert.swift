import Foundation

/// An Alertmanager alert of this incident as the console shows it: the header counts the firing
/// ones, `:alerts` lists them with their labels, summary, since when and where they come from.
public struct FiringAlert: Sendable, Equatable {
    public var fingerprint: String
    public var name: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var since: Date?
    public var generatorURL: String?
    public var resolved: Bool

    public init(
        fingerprint: String, name: String, labels: [String: String], annotations: [String: String],
        since: Date?, generatorURL: String?, resolved: Bool
    ) {
        self.fingerprint = fingerprint
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.since = since
        self.generatorURL = generatorURL
        self.resolved = resolved
    }
}
