import Foundation
import RunbookKit

/// The lines of a run the runner still keeps (a window over all of them).
public struct RunOutput: Sendable, Equatable {
    /// How many of the run's lines came before `lines[0]`: they are only in the output file.
    public var firstLine: Int
    public var lines: [OutputLine]

    public init(firstLine: Int = 0, lines: [OutputLine] = []) {
        self.firstLine = firstLine
        self.lines = lines
    }

    /// One past the last kept line's number (0-based numbering over all the run's lines).
    public var endLine: Int { firstLine + lines.count }

    /// The line with this number, nil when it is not kept.
    public func line(_ number: Int) -> OutputLine? {
        let index = number - firstLine
        return index >= 0 && index < lines.count ? lines[index] : nil
    }
}

/// How a run's state reads on screen: a symbol (so it shows without colour) and words.
public enum RunStateText {
    public static func symbol(_ run: RunSnapshot, ascii: Bool = false) -> String {
        switch run.state {
        case .running: ascii ? "~" : "⟳"
        case .cancelling: ascii ? "~" : "⟳"
        case .exited(0): ascii ? "+" : "✓"
        case .exited, .signalled, .timedOut, .failed: ascii ? "x" : "✗"
        case .dryRun: ascii ? "-" : "∅"
        }
    }

    /// `running`, `ok exit 0`, `failed exit 3`, `signal 9`, `timed out`, `cancelling`, `dry run`,
    /// `failed: reason`, `cancelled (SIGINT)`; a silent active run adds `SILENT`.
    public static func words(_ run: RunSnapshot) -> String {
        let text =
            switch run.state {
            case .running: "running"
            case .cancelling: "cancelling"
            case .exited(let status) where run.cancelled: "cancelled (exit \(status))"
            case .signalled(let signal) where run.cancelled: "cancelled (\(signalName(signal)))"
            case .exited(0): "ok exit 0"
            case .exited(let status): "failed exit \(status)"
            case .signalled(let signal): "killed by \(signalName(signal))"
            case .timedOut: "timed out"
            case .failed(let reason): "failed: " + reason
            case .dryRun: "dry run"
            }
        return run.silent && run.isActive ? text + " SILENT" : text
    }

    /// `SIGINT`, `SIGKILL` …; other numbers as `signal N`.
    static func signalName(_ number: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 13: "SIGPIPE",
            14: "SIGALRM", 15: "SIGTERM"
        ]
        return names[number] ?? "signal \(number)"
    }

    /// Seconds since it started, until it finished (or until `now`).
    public static func elapsed(_ run: RunSnapshot, now: Date) -> String {
        TimeText.elapsed(Int((run.finished ?? now).timeIntervalSince(run.started).rounded(.down)))
    }

    static func themeKey(_ run: RunSnapshot) -> ThemeKey {
        switch run.state {
        case .running, .cancelling: run.silent ? .countdownWarn : .text
        case .exited(0): .metricOK
        case .dryRun: .textMuted
        default: .metricCrit
        }
    }
}
