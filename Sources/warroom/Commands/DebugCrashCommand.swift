import ArgumentParser
import ConsoleUI
import CursesTerminal
import Foundation

/// Starts curses, draws a frame, then crashes: the tests check the terminal is usable afterwards.
struct DebugCrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash",
        abstract: "Draw a frame, then crash (segv, abort, fpe, bus, trap) or take SIGUSR1/SIGUSR2.")

    @Option(help: "How to crash: segv, abort, fpe, bus, trap.")
    var how = "segv"

    @Option(help: "Milliseconds to show the frame first.")
    var delay = 300

    func validate() throws {
        guard ["segv", "abort", "fpe", "bus", "trap", "usr1", "usr2"].contains(how) else {
            throw ValidationError("--how takes segv, abort, fpe, bus, trap, usr1 or usr2")
        }
    }

    func run() async throws {
        let how = how, delay = delay
        await MainActor.run {
            let terminal = CursesTerminal(environment: ProcessInfo.processInfo.environment)
            let palette = BuiltinThemes.defaultTheme.palette(depth: terminal.depth)
            terminal.present(
                DemoFrame.render(
                    width: terminal.width, height: terminal.height, palette: palette,
                    focus: .checklist, tick: 0))
            usleep(useconds_t(delay * 1000))
            switch how {
            case "segv":
                // A real invalid write, not a raised signal.
                UnsafeMutablePointer<Int>(bitPattern: 8)?.pointee = 1
            case "abort": abort()
            case "fpe": raise(SIGFPE)
            case "bus": raise(SIGBUS)
            case "usr1": raise(SIGUSR1)
            case "usr2": raise(SIGUSR2)
            default: fatalError("warroom debug crash")
            }
        }
    }
}
