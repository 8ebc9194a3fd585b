import CommandRunner
import Foundation
import RunbookKit

/// Prints a run's sanitized output as `warroom exec` streams it: the plain text as it is when
/// stdout is not a terminal, with the kept colours re-emitted as SGR when it is.
struct ExecOutput: Sendable {
    let colours: Bool

    init() { colours = isatty(STDOUT_FILENO) == 1 }

    func write(_ batch: SanitizedBatch) {
        if !colours || !batch.hasColors {
            batch.text.withUnsafeBufferPointer { Self.writeAll($0) }
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(batch.text.count + 64)
        for index in 0..<batch.count {
            out.append(contentsOf: Self.ansi(batch.line(index)).utf8)
            out.append(0x0A)
        }
        out.withUnsafeBufferPointer { Self.writeAll($0) }
    }

    /// The line with its colour runs as SGR sequences (the text itself is already clean).
    static func ansi(_ line: OutputLine) -> String {
        guard !line.colors.isEmpty else { return line.text }
        let characters = Array(line.text)
        var out = ""
        var at = 0
        for run in line.colors.sorted(by: { $0.start < $1.start }) where run.start >= at {
            out += String(characters[at..<min(run.start, characters.count)])
            var codes: [String] = []
            if run.bold { codes.append("1") }
            if let fg = run.foreground { codes.append("38;5;\(fg)") }
            if let bg = run.background { codes.append("48;5;\(bg)") }
            let end = min(run.start + run.length, characters.count)
            out +=
                "\u{1B}[" + codes.joined(separator: ";") + "m" + String(characters[min(run.start, end)..<end])
                + "\u{1B}[0m"
            at = end
        }
        if at < characters.count { out += String(characters[at...]) }
        return out
    }

    /// The command's bytes as it wrote them: no line splits, tabs and escape sequences kept.
    static func writeRaw(_ bytes: UnsafeRawBufferPointer) {
        writeAll(bytes.bindMemory(to: UInt8.self))
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
