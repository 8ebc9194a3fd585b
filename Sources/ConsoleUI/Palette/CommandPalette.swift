import Foundation
import RunbookKit

/// The `:` command palette: turns a command line into effects and completes it on Tab, from the
/// rows of `PaletteCommand.all`. Pure.
public enum CommandPalette {
    public static var commands: [String] { PaletteCommand.all.map(\.name) }

    /// The words the last word of `line` may become: command names first, then the command's arguments.
    public static func candidates(_ line: String, _ state: AppState) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = (words.last ?? "").lowercased()
        let pool: [String] =
            switch words.count {
            case 0, 1: commands
            case 2: PaletteCommand.named(words[0]).map { $0.arguments(state) } ?? []
            default: []
            }
        return pool.filter { $0.lowercased().hasPrefix(current) }
    }

    /// Tab: the only candidate (and a space), else the candidates' longest common prefix.
    public static func complete(_ line: String, _ state: AppState) -> String {
        let found = candidates(line, state)
        guard !found.isEmpty else { return line }
        let head = line.lastIndex(of: " ").map { String(line[...$0]) } ?? ""
        if found.count == 1 { return head + found[0] + (found[0].hasSuffix("=") ? "" : " ") }
        var prefix = found[0]
        for word in found.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        let typed = String(line.dropFirst(head.count))
        return prefix.count >= typed.count ? head + prefix : line
    }

    /// Every command's usage, for the error after an unknown command.
    static var usage: String {
        "valid: " + PaletteCommand.all.map(\.usage).joined(separator: ", ")
    }

    /// Runs a command line; a mistake leaves an error in the footer and changes nothing.
    static func run(_ line: String, _ state: inout AppState) -> [Effect] {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        guard let command = PaletteCommand.named(name) else {
            return PaletteCommand.fail("Unknown command \(name) — " + usage, &state)
        }
        return command.run(argument, &state)
    }
}
