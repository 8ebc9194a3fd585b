import Foundation

/// A run's state as the console and the CLI show it.
public enum RunState: Sendable, Equatable {
    case running
    /// Cancel asked: signals are on their way (SIGINT, then SIGTERM, then SIGKILL).
    case cancelling
    case exited(Int32)
    case signalled(Int32)
    case timedOut
    /// It could not be started (or the runner broke): the reason.
    case failed(String)
    /// Nothing was executed: recorded as a would-be run.
    case dryRun

    public var isActive: Bool { self == .running || self == .cancelling }
}

/// One run of a runbook command, at a moment.
public struct RunSnapshot: Sendable, Equatable, Identifiable {
    /// Per board: 1, 2, 3 …
    public var id: Int
    public var commandId: Int
    public var title: String?
    /// The exact text that ran.
    public var text: String
    public var runner: String
    public var risk: Risk
    public var state: RunState
    public var started: Date
    public var finished: Date?
    /// No output for the configured time (still running).
    public var silent: Bool
    /// The user cancelled it (the state says how it then ended).
    public var cancelled: Bool
    /// Lines seen so far (kept or not).
    public var lineCount: Int
    public var byteCount: Int
    /// Where the whole (redacted) output is kept, when recorded.
    public var outputPath: String?
    /// The `command_started` event, when recorded.
    public var startedEvent: Int64?

    public init(
        id: Int, commandId: Int, title: String?, text: String, runner: String, risk: Risk, state: RunState,
        started: Date, finished: Date? = nil, silent: Bool = false, cancelled: Bool = false, lineCount: Int = 0,
        byteCount: Int = 0, outputPath: String? = nil, startedEvent: Int64? = nil
    ) {
        self.id = id
        self.commandId = commandId
        self.title = title
        self.text = text
        self.runner = runner
        self.risk = risk
        self.state = state
        self.started = started
        self.finished = finished
        self.silent = silent
        self.cancelled = cancelled
        self.lineCount = lineCount
        self.byteCount = byteCount
        self.outputPath = outputPath
        self.startedEvent = startedEvent
    }

    public var isActive: Bool { state.isActive }
}

/// A line of a command's output, cleaned for the screen: plain text plus the colours it asked for.
public struct OutputLine: Sendable, Equatable {
    public var text: String
    public var colors: [ColorRun]

    public init(text: String, colors: [ColorRun] = []) {
        self.text = text
        self.colors = colors
    }
}

/// SGR colour kept from a command's output, over `length` characters from `start` (Character offsets).
public struct ColorRun: Sendable, Equatable {
    public var start: Int
    public var length: Int
    /// 0–255 (the 16 ANSI colours first); nil: default.
    public var foreground: Int?
    public var background: Int?
    public var bold: Bool

    public init(start: Int, length: Int, foreground: Int? = nil, background: Int? = nil, bold: Bool = false) {
        self.start = start
        self.length = length
        self.foreground = foreground
        self.background = background
        self.bold = bold
    }
}
