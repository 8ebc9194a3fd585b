import Foundation

/// What the end-to-end suites need: tmux and the built `warroom` binary. Without them the suites
/// are skipped with a reason (`.enabled(if:)`), never passed by returning early.
enum TerminalTools {
    static var warroom: String? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0])
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            let candidate = directory.appendingPathComponent("warroom").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// tmux and the built binary are both there: the end-to-end suites are skipped otherwise, saying so.
    static var available: Bool { tmux != nil && warroom != nil }

    static var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
