import ConsoleUI
import CursesTerminal
import Foundation

/// Opens a status-update draft in the commander's editor (`$VISUAL`, `$EDITOR`, else `editor`,
/// `vi`, `nano`) with the console stepped aside; the edited text comes back to be confirmed.
@MainActor
enum UpdateEditor {
    static func edit(_ draft: String, terminal: CursesTerminal) -> [Msg] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-update-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            // 0700 folder, 0600 file: the draft may name customers or systems.
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o700])
            let file = folder.appendingPathComponent("status-update.txt")
            guard
                FileManager.default.createFile(
                    atPath: file.path, contents: Data(draft.utf8),
                    attributes: [.posixPermissions: 0o600])
            else {
                return [.failed("could not write the draft to \(file.path)")]
            }
            let status = try terminal.suspend { () -> Int32 in
                // Ctrl-C belongs to the editor while it has the terminal, never to the console.
                let oldInt = signal(SIGINT, SIG_IGN), oldQuit = signal(SIGQUIT, SIG_IGN)
                defer {
                    signal(SIGINT, oldInt)
                    signal(SIGQUIT, oldQuit)
                }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                // The editor setting may carry arguments (`code -w`); the file is a separate argument.
                process.arguments = ["-c", "exec \(editorCommand()) \"$1\"", "sh", file.path]
                try process.run()
                process.waitUntilExit()
                return process.terminationStatus
            }
            guard status == 0 else { return [.failed("the editor exited with \(status): the update was not sent")] }
            let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return [.notice("The update is empty: nothing sent")] }
            return [.updateDrafted(text)]
        } catch {
            return [.failed("could not open the editor: \(error)")]
        }
    }

    static func editorCommand(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["editor", "vi", "nano"] {
            for folder in path.split(separator: ":")
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return name
            }
        }
        return "vi"
    }
}
