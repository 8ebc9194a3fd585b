/// How commands of each fence language are run, from `warroom.yaml` (`runners:`, `commands:`).
/// Without a configuration: shell languages run with bash, nothing else runs.
public struct RunnerSettings: Sendable, Equatable {
    public struct Runner: Sendable, Equatable {
        /// Command line run by `/bin/sh -c`; the code arrives on its stdin unless the line
        /// contains `{file}` (replaced by the quoted path of a temporary file holding the code).
        public var commandLine: String
        public var workingDirectory: String?
        public var environment: [String: String]

        public init(commandLine: String, workingDirectory: String? = nil, environment: [String: String] = [:]) {
            self.commandLine = commandLine
            self.workingDirectory = workingDirectory
            self.environment = environment
        }
    }

    /// Fence language (lower case) → runner. Shell languages without an entry use bash.
    public var runners: [String: Runner] = [:]
    /// Working directory of every run (a runner's own wins); nil: the console's.
    public var workingDirectory: String?
    /// Extra environment of every run (a runner's own wins).
    public var environment: [String: String] = [:]
    /// Seconds before a run is cancelled; nil: never.
    public var timeout: Double?
    /// Seconds without output before a run is flagged silent (never killed for it).
    public var silentAfter: Double = 60

    public init() {}

    /// The settings `config` gives (nil: the defaults).
    public init(config: WarroomConfig?) {
        self.init()
        guard let config else { return }
        for (language, runner) in config.runners { runners[language.lowercased()] = runner }
        workingDirectory = config.commands.workingDirectory
        environment = config.commands.environment
        timeout = config.commands.timeout
        silentAfter = config.commands.silentAfter
    }
}
