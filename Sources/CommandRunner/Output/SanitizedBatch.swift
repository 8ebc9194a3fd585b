import RunbookKit

/// Lines the sanitizer completed since it was last drained: their clean UTF-8 text, each line
/// followed by `\n`, plus the colour runs of the few lines that have any. Kept as bytes so that
/// a flood of output is written to the file in large blocks and only the lines the ring keeps
/// become `String`s.
public struct SanitizedBatch: Sendable {
    /// Every completed line, each ending with `\n`. No escape sequence, no control character.
    public internal(set) var text: [UInt8] = []
    /// The index in `text` of each line's `\n`.
    public internal(set) var lineEnds: [Int] = []
    /// Line index in this batch → its colour runs; lines without colour are absent.
    public internal(set) var colors: [Int: [ColorRun]] = [:]

    public init() {}

    public var count: Int { lineEnds.count }
    public var isEmpty: Bool { lineEnds.isEmpty }

    /// The byte range of line `index` in `text`, without its `\n`.
    public func range(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : lineEnds[index - 1] + 1)..<lineEnds[index]
    }

    public func text(of index: Int) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(of: index)]), as: UTF8.self) }
    }

    public func line(_ index: Int) -> OutputLine {
        OutputLine(text: text(of: index), colors: colors[index] ?? [])
    }

    public var lines: [OutputLine] { (0..<count).map(line) }

    mutating func removeAll() {
        text.removeAll(keepingCapacity: true)
        lineEnds.removeAll(keepingCapacity: true)
        if !colors.isEmpty { colors.removeAll() }
    }
}
