import Foundation

/// One `:` command: its names, the usage line the error and help show, what Tab offers for its
/// argument, and what it does. Adding a command is adding one row to `PaletteCommand.all`.
public struct PaletteCommand: Sendable {
    /// The first is the name completed and shown; the others are accepted aliases.
    public let names: [String]
    /// `sev LEVEL`, `milestone acknowledged|mitigated|resolved [HH:MM]`.
    public let usage: String
    let arguments: @Sendable (AppState) -> [String]
    /// The argument (the rest of the line, trimmed) and the state; a mistake sets an error and returns [].
    let run: @Sendable (String, inout AppState) -> [Effect]

    init(
        _ names: [String], usage: String, arguments: @escaping @Sendable (AppState) -> [String] = { _ in [] },
        run: @escaping @Sendable (String, inout AppState) -> [Effect]
    ) {
        self.names = names
        self.usage = usage
        self.arguments = arguments
        self.run = run
    }

    public var name: String { names[0] }

    static func named(_ word: String) -> PaletteCommand? {
        let wanted = word.lowercased()
        return all.first { $0.names.contains(wanted) }
    }

    /// Sets the footer's error and changes nothing.
    static func fail(_ text: String, _ state: inout AppState) -> [Effect] {
        state.footer = .error(text)
        return []
    }

    /// Shows a read-only page (Esc closes, PgDn/PgUp turn).
    static func page(_ title: String, _ lines: [String], _ state: inout AppState) -> [Effect] {
        state.helpPage = 0
        state.overlays.append(.page(title: title, lines: lines))
        return []
    }
}
