/// The bounds and delays of a board's runs. Tests shorten the cancel delays; the console uses the
/// defaults.
public struct RunLimits: Sendable, Equatable {
    /// Lines and bytes each run keeps in memory (the output file has everything).
    public var ringLines = 10_000
    public var ringBytes = 16 << 20
    /// Longer lines are split.
    public var lineCap = OutputSanitizer.defaultLineCap
    /// After SIGINT to the group: SIGTERM after this many seconds …
    public var terminateAfter: Double = 3
    /// … and SIGKILL after this many (both counted from the cancel).
    public var killAfter: Double = 10
    /// After the run's process has exited, how long to keep reading output that a process left
    /// behind in the background may still write to the pipe.
    public var drainAfterExit: Double = 2
    /// Lines of output kept in `command_finished`.
    public var tailLines = 20

    public init() {}

    public init(terminateAfter: Double, killAfter: Double) {
        self.terminateAfter = terminateAfter
        self.killAfter = killAfter
    }
}
