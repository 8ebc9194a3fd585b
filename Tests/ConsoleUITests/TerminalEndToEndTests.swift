import Foundation
import Testing

/// Runs the real binary in tmux: `warroom debug canvas` must draw through ncurses (wide
/// characters included), react to keys, and give the terminal back after `q`.
@Suite(
    "Terminal end to end (tmux)", .serialized,
    .enabled(if: TerminalTools.available, "tmux or the warroom binary not found"))
struct TerminalEndToEndTests {
    static var available: Bool { TerminalTools.available }
    static var warroom: String? { TerminalTools.warroom }
    static var tmux: String? { TerminalTools.tmux }

    final class Session {
        let tmux: String
        let socket = "warroom-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        init(tmux: String, command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:])
            throws
        {
            self.tmux = tmux
            let env = environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            try start([
                "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)",
                "env \(env) TERM=xterm-256color \(command); echo WARROOM-EXIT-$?; sleep 60"
            ])
        }

        /// Starts the tmux server (its output is not read: the server keeps it open).
        func start(_ arguments: [String]) throws {
            _ = try Spawn.run(tmux, ["-L", socket, "-f", "/dev/null"] + arguments, captureOutput: false)
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            try Spawn.run(tmux, ["-L", socket, "-f", "/dev/null"] + arguments)
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "t"]) }

        /// Polls the screen until `predicate` holds or 10 s pass; a timeout is a failure that shows
        /// the last screen (which is returned, so the test's own checks say what else is wrong).
        func wait(for predicate: (String) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            var last = ""
            for _ in 0..<100 {
                last = try screen()
                if predicate(last) {
                    // The match may be a frame caught mid-redraw: let it settle and read it again.
                    usleep(150_000)
                    let settled = try screen()
                    if predicate(settled) { return settled }
                    last = settled
                }
                usleep(100_000)
            }
            Issue.record(
                "timed out after 10 s waiting on the screen; the last screen:\n\(last)", sourceLocation: sourceLocation)
            return last
        }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }

        deinit {
            _ = try? run(["kill-server"])
            unlink("/tmp/tmux-\(getuid())/\(socket)")
        }
    }

    @Test("debug canvas draws, moves focus, and restores the terminal on q")
    func drawsAndRestores() throws {
        let tmux = try #require(Self.tmux)
        let warroom = try #require(Self.warroom)
        let session = try Session(tmux: tmux, command: "\(warroom) debug canvas")
        let drawn = try session.wait { $0.contains("Timeline") && $0.contains("quit") }
        #expect(drawn.contains("warroom canvas demo"))
        #expect(drawn.contains("🚨 SEV1"))
        #expect(drawn.contains("漢字 wide text"))
        #expect(drawn.contains("┏━ Checklist"))
        #expect(drawn.contains("┌─ Metrics"))
        // The border right of the wide characters lines up with the rows above and below.
        let lines = drawn.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let emojiRow = try #require(lines.firstIndex(where: { $0.contains("Open a channel 📣") }))
        #expect(lines[emojiRow].hasSuffix("┃│") == false)
        #expect(lines[emojiRow].last == lines[emojiRow - 1].last)
        try session.keys("Tab")
        let moved = try session.wait { $0.contains("┏━ Metrics") }
        #expect(moved.contains("┌─ Checklist"))
        try session.keys("q")
        let after = try session.wait { $0.contains("WARROOM-EXIT-") }
        #expect(after.contains("WARROOM-EXIT-0"))
        #expect(!after.contains("Checklist"))
        #expect(try session.run(["display-message", "-p", "-t", "t", "#{alternate_on}"]).hasPrefix("0"))
    }

    @Test("NO_COLOR still draws, and a small terminal gets the too-small message")
    func noColorAndSmall() throws {
        let tmux = try #require(Self.tmux)
        let warroom = try #require(Self.warroom)
        let session = try Session(
            tmux: tmux, command: "\(warroom) debug canvas", width: 50, height: 12,
            environment: ["NO_COLOR": "1"])
        let drawn = try session.wait { $0.contains("too small") }
        #expect(drawn.contains("Terminal too small"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    @Test("A resize redraws the frame in the layout for the new size")
    func resize() throws {
        let tmux = try #require(Self.tmux)
        let warroom = try #require(Self.warroom)
        let session = try Session(tmux: tmux, command: "\(warroom) debug canvas")
        let full = try session.wait { $0.contains("Timeline") }
        #expect(full.contains("┌─ Metrics"))
        try session.run(["resize-window", "-t", "t", "-x", "80", "-y", "24"])
        let tabbed = try session.wait { $0.contains(" Checklist   Metrics   Commands   Timeline") }
        #expect(tabbed.contains(" Checklist   Metrics   Commands   Timeline"))
        #expect(!tabbed.contains("┌─ Metrics"))
        try session.run(["resize-window", "-t", "t", "-x", "130", "-y", "40"])
        let back = try session.wait { $0.contains("┌─ Metrics") }
        #expect(back.contains("┌─ Metrics"))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    @Test("SIGTERM restores the terminal")
    func sigterm() throws {
        let tmux = try #require(Self.tmux)
        let warroom = try #require(Self.warroom)
        let session = try Session(tmux: tmux, command: "\(warroom) debug canvas")
        _ = try session.wait { $0.contains("Timeline") }
        let pid = try session.run(["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs a shell; the warroom process is its child.
        _ = try Spawn.run("/usr/bin/pkill", ["-TERM", "-P", pid, "-x", "warroom"])
        let after = try session.wait { $0.contains("WARROOM-EXIT-") }
        #expect(after.contains("WARROOM-EXIT-143"))
        #expect(try session.run(["display-message", "-p", "-t", "t", "#{alternate_on}"]).hasPrefix("0"))
    }
}
