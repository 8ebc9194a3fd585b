import IncidentKit
import RunbookKit

extension SanitizedBatch {
    /// This batch with the lines where `scanner` finds a trigger redacted (their colours dropped,
    /// since the text moved); unchanged — no copy — when there is none, which is the common case.
    func masking(_ redactor: Redactor, scanner: TriggerScanner) -> SanitizedBatch {
        var hitLines: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            var from = 0
            var line = 0
            while let hit = scanner.next(in: buffer, from: from) {
                while lineEnds[line] < hit { line += 1 }
                hitLines.append(line)
                from = lineEnds[line] + 1
                line += 1
                if from >= buffer.count || line >= count { break }
            }
        }
        guard !hitLines.isEmpty else { return self }
        var out = SanitizedBatch()
        var next = 0
        for index in 0..<count {
            if next < hitLines.count, hitLines[next] == index {
                out.append(OutputLine(text: redactor.redact(text(of: index))))
                next += 1
            } else {
                out.append(line(index))
            }
            if isContinued(index) { out.markLastContinued() }
        }
        return out
    }
}
