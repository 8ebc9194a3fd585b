/// `commands:` in `warroom.yaml`: what every command run gets unless its runner says otherwise.
public struct CommandDefaults: Sendable, Equatable {
    /// `workdir:`; nil: the console's own.
    public var workingDirectory: String?
    /// `env:`, added to the inherited environment.
    public var environment: [String: String] = [:]
    /// `timeout:` in seconds; nil: never.
    public var timeout: Double?
    /// `silent_after:` in seconds (default 60): a run with no output for that long is flagged silent.
    public var silentAfter: Double = 60

    public init(
        workingDirectory: String? = nil, environment: [String: String] = [:], timeout: Double? = nil,
        silentAfter: Double = 60
    ) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.silentAfter = silentAfter
    }
}
