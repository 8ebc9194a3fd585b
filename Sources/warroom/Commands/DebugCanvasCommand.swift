import ArgumentParser
import ConsoleUI
import CursesTerminal
import Foundation

/// Draws a demonstration frame through the curses backend until `q`: proves the backend
/// draws wide characters, styles and borders, and gives the terminal back afterwards.
struct DebugCanvasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canvas",
        abstract: "Draw a demo frame with the terminal backend; Tab moves focus, q quits.")

    @Option(help: "Theme name or path to a theme YAML file.")
    var theme: String?

    @Flag(help: "Draw without colour (as NO_COLOR does).")
    var noColor = false

    func run() async throws {
        let loaded: ThemeLoadResult
        do {
            loaded = try ThemeCatalog.standard().load(theme)
        } catch {
            printError("warroom: \(error)")
            throw ExitCode(1)
        }
        for warning in loaded.warnings { printError("warning: \(warning)") }
        let environment = ProcessInfo.processInfo.environment
        let noColor = noColor
        // The command runs on a pool thread (the root command is async); curses needs the main thread.
        await MainActor.run {
            let terminal = CursesTerminal(noColor: noColor, environment: environment)
            defer { terminal.restore() }
            let palette = loaded.theme.palette(depth: terminal.depth)
            var focus = PaneID.checklist
            var tick = 0
            loop: while true {
                terminal.present(
                    DemoFrame.render(
                        width: terminal.width, height: terminal.height, palette: palette,
                        focus: focus, tick: tick))
                switch terminal.nextEvent(timeoutMilliseconds: 1000) {
                case .none: tick += 1
                case .resize: continue
                case .input(.key(let key)):
                    let panes = PaneID.allCases
                    let index = panes.firstIndex(of: focus) ?? 0
                    if key == .char("q") { break loop }
                    if key == .tab { focus = panes[(index + 1) % panes.count] }
                    if key == .shiftTab { focus = panes[(index + panes.count - 1) % panes.count] }
                case .input: continue
                }
            }
        }
    }
}
