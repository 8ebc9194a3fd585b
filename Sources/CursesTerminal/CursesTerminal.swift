import CNcurses
import ConsoleUI
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the terminal reports between frames.
public enum TerminalEvent: Sendable, Equatable {
    case input(InputEvent)
    case resize(width: Int, height: Int)
}

/// The ncurses backend: the only code that talks to the terminal. It shows canvases by
/// writing only the cells that changed since the last frame and turns key presses into
/// `InputEvent`s. Every call happens on the main actor.
@MainActor
public final class CursesTerminal {
    public private(set) var width: Int = 0
    public private(set) var height: Int = 0
    public let depth: ColorDepth
    private var previous: Canvas?
    private var pairs = ColorPairCache()
    private var active = false
    /// Cells written by the last `present` (for tests and the debug overlay).
    public private(set) var lastWrittenCells = 0

    /// Starts curses: locale for UTF-8, raw keys, no echo, keypad decoding, no newline
    /// translation, hidden cursor, colours unless `noColor` or `NO_COLOR`.
    public init(noColor: Bool = false, environment: [String: String] = [:]) {
        setlocale(LC_ALL, "")
        CursesTerminal.installSignalHandlers()
        initscr()
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        cn_enable_mouse()
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cn_colors())
        }
        depth = ColorDepth.detect(terminalColors: colors, environment: environment, noColorFlag: noColor)
        active = true
        updateSize()
    }

    private func updateSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &rows, &cols)
        width = Int(cols)
        height = Int(rows)
    }

    /// Shows a frame: writes the changed runs with the wide-character calls, then refreshes.
    /// A canvas of another size than the screen is drawn clipped.
    public func present(_ next: Canvas) {
        guard active else { return }
        let runs = CanvasDiff.runs(from: previous, to: next)
        var written = 0
        var buffer = [wchar_t](repeating: 0, count: 8)
        for run in runs where run.row < height {
            var x = run.column
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation || x >= width { continue }
                let (attributes, pair) = resolve(cell.style)
                // ncurses would count `⚠️` as 1 column and lose its place on terminals that draw 2:
                // it holds the first scalar (1 column everywhere) and a space, and `drawOverlays`
                // puts the real grapheme on top.
                let ambiguous = DisplayWidth.dependsOnTerminal(cell.character)
                var count = 0
                for scalar in cell.character.unicodeScalars where count < 5 {
                    buffer[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                    if ambiguous { break }
                }
                buffer[count] = 0
                _ = buffer.withUnsafeBufferPointer { chars in
                    cn_put_wide(Int32(run.row), Int32(x), chars.baseAddress, attributes, pair)
                }
                if ambiguous, x + 1 < width {
                    _ = [wchar_t(0x20), 0].withUnsafeBufferPointer { space in
                        cn_put_wide(Int32(run.row), Int32(x + 1), space.baseAddress, attributes, pair)
                    }
                }
                written += 1
            }
        }
        lastWrittenCells = written
        previous = next
        refresh()
        drawOverlays(next, rows: Set(runs.map(\.row)))
    }

    /// Draws the terminal-dependent graphemes of `rows` over their stand-ins (see `cn_overlay_begin`).
    /// Every such grapheme of a touched row, not only the changed ones: ncurses may have moved
    /// the cursor along the row by reprinting its stand-ins.
    private func drawOverlays(_ canvas: Canvas, rows: Set<Int>) {
        var begun = false
        for row in rows.sorted() where row < min(height, canvas.height) {
            for (x, cell) in canvas.row(row).enumerated()
            where x + 1 < width && !cell.isContinuation
                && cell.character.asciiValue == nil && DisplayWidth.dependsOnTerminal(cell.character)
            {
                if !begun { cn_overlay_begin(); begun = true }
                let (attributes, pair) = resolve(cell.style)
                String(cell.character).withCString { cn_overlay_cell(Int32(row), Int32(x), $0, attributes, pair) }
            }
        }
        if begun { cn_overlay_end() }
    }

    /// Curses attributes and colour pair for a style.
    private func resolve(_ style: Style) -> (attr_t, Int16) {
        var attributes = cn_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attributes |= cn_a_bold() }
        if a.contains(.dim) { attributes |= cn_a_dim() }
        if a.contains(.underline) { attributes |= cn_a_underline() }
        if a.contains(.reverse) { attributes |= cn_a_reverse() }
        if a.contains(.italic) { attributes |= cn_a_italic() }
        guard depth != .mono else { return (attributes, 0) }
        let fg = depth.colorNumber(style.foreground), bg = depth.colorNumber(style.background)
        let limit = Int(cn_colors())
        let pair = pairs.pair(
            foreground: fg < limit ? fg : fg % max(limit, 1),
            background: bg < limit ? bg : bg % max(limit, 1),
            maxPairs: Int(cn_color_pairs()))
        return (attributes, pair)
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a key, mouse or resize event.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        guard active else { return nil }
        timeout(timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(cn_stdscr(), &code)
        if status == cn_err() { return nil }
        if status == cn_key_code_yes() {
            let key = Int32(bitPattern: code)
            if key == cn_key_resize() {
                handleResize()
                return .resize(width: width, height: height)
            }
            if key == cn_key_mouse() { return mouseEvent() }
            return CursesKeys.event(for: key).map { .input($0) }
        }
        return .input(CursesKeys.event(forCharacter: UInt32(code)))
    }

    /// The mouse event ncurses decoded (from the terminal's SGR or X10 reports).
    private func mouseEvent() -> TerminalEvent? {
        var x: Int32 = 0, y: Int32 = 0, button: Int32 = 0
        guard cn_get_mouse(&x, &y, &button) != cn_err() else { return nil }
        let which: MouseEvent.Button =
            switch button {
            case 1: .left
            case 4: .wheelUp
            case 5: .wheelDown
            default: .none
            }
        return .input(.mouse(MouseEvent(button: which, action: .press, column: Int(x), row: Int(y))))
    }

    /// After the terminal changed size: forget the last frame so the next one is drawn whole.
    public func handleResize() {
        updateSize()
        previous = nil
        erase()
    }

    /// Gives the real terminal to `body` (an interactive command: a REPL, a database shell) and
    /// takes it back afterwards, drawing the next frame whole.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard active else { return try body() }
        def_prog_mode()
        curs_set(1)
        endwin()
        defer {
            reset_prog_mode()
            curs_set(0)
            previous = nil
            erase()
            refresh()
        }
        return try body()
    }

    /// Ends curses and gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
    }

    /// SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2 (whose default action ends the process too) end
    /// curses before the process dies, so the shell is usable again. (The console's runtime
    /// catches TERM and HUP first, to record its runs; these handlers are the last word.)
    /// They (and SIGWINCH, for resizes) are unblocked first: a parent that ran us from a
    /// thread with signals blocked (a Dispatch worker, say) passes its mask on.
    /// Fatal signals (a crash: SIGSEGV, SIGABRT, SIGBUS, SIGFPE, and SIGILL/SIGTRAP, which a Swift
    /// runtime trap raises) do the same, then die as they would have, with the default action.
    private static func installSignalHandlers() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT, SIGTSTP] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2] + fatalSignals {
            signal(sig) { received in
                endwin()
                // Back to the default action: a re-raised signal, or the faulting instruction
                // run again once this handler returns, ends the process as usual.
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static let fatalSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP]
}
