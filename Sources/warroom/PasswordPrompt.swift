import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks for a password on the terminal, as psql does: only when standard input is a terminal, the
/// prompt on standard error, echo off while it is typed. The answer is kept in memory only.
enum PasswordPrompt {
    /// The typed password; nil when standard input is not a terminal or nothing was typed.
    static func ask(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        // Echo off before the prompt shows: whatever is typed once it is on screen is not echoed.
        // Only what was typed before the prompt is discarded (TCSAFLUSH), nothing after the answer.
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        FileHandle.standardError.write(Data(prompt.utf8))
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        // Byte by byte up to the newline: nothing after it is consumed from standard input.
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1, byte != 10, byte != 13 { bytes.append(byte) }
        let typed = String(decoding: bytes, as: UTF8.self)
        return typed.isEmpty ? nil : typed
    }
}
