import Foundation
import Testing

/// A crash while curses runs must still give the shell a sane terminal back.
@Suite(
    "Crash restores the terminal (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct CrashRestoreTests {
    typealias Session = TerminalEndToEndTests.Session

    @Test(
        "After a fatal signal the terminal is cooked again (icanon echo)",
        arguments: ["segv", "abort", "trap", "usr1", "usr2"])
    func crash(how: String) throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        // No core file; the exit status, then the terminal modes, printed after the crash.
        let script =
            "ulimit -c 0; \(warroom) debug crash --how \(how); echo CRASHED-\\$?; stty -a | tr -s ' ;' '\\n\\n' | grep -x -e '-*icanon' -e '-*echo' | tr '\\n' ' '; echo MODES-END"
        let session = try Session(tmux: tmux, command: "sh -c \"\(script)\"")
        let after = try session.wait { $0.contains("MODES-END") }
        // 128 + the signal: 139 SIGSEGV, 134 SIGABRT, 132 SIGILL or 133 SIGTRAP; 138 SIGUSR1, 140 SIGUSR2.
        #expect(after.contains(how.hasPrefix("usr") ? (how == "usr1" ? "CRASHED-138" : "CRASHED-140") : "CRASHED-13"))
        #expect(after.contains("icanon echo MODES-END"))
        #expect(try session.run(["display-message", "-p", "-t", "t", "#{alternate_on}"]).hasPrefix("0"))
    }
}
