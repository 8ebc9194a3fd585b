import RunbookKit

/// Lines the sanitizer completed since it was last drained: their clean UTF-8 text, each line
/// followed by `\n`, plus the colour runs of the few lines that have any. Kept as flat arrays
/// (bytes, line ends, runs) so that a flood of output is written to the file in large blocks,
/// nothing is allocated per line, and only the lines the ring hands out become `String`s.
public struct SanitizedBatch: Sendable {
    /// Every completed line, each ending with `\n`. No escape sequence, no control character.
    public internal(set) var text: [UInt8] = []
    /// The index in `text` of each line's `\n`.
    public internal(set) var lineEnds: [Int] = []
    /// The indices of the lines that have colour runs, ascending; `coloredLineRunEnds[k]` is where
    /// the runs of line `coloredLines[k]` end in `colorRuns` (they start where the previous end).
    private(set) var coloredLines: [Int] = []
    private(set) var coloredLineRunEnds: [Int] = []
    private(set) var colorRuns: [ColorRun] = []
    /// The indices of lines that the line cap cut, ascending: the next line goes on with the same
    /// line of output (the output file joins them again, so a secret across the cut is redacted).
    public internal(set) var continuedLines: [Int] = []

    public init() {}

    /// Whether line `index` was cut by the line cap (it goes on in the next line).
    public func isContinued(_ index: Int) -> Bool {
        var low = 0, high = continuedLines.count
        while low < high {
            let mid = (low + high) / 2
            if continuedLines[mid] < index { low = mid + 1 } else { high = mid }
        }
        return low < continuedLines.count && continuedLines[low] == index
    }

    mutating func unmarkContinued(_ index: Int) {
        if continuedLines.last == index { continuedLines.removeLast() }
    }

    /// Marks the line just completed as cut by the line cap.
    mutating func markLastContinued() {
        if let last = lineEnds.indices.last { continuedLines.append(last) }
    }

    public var count: Int { lineEnds.count }
    public var isEmpty: Bool { lineEnds.isEmpty }
    /// True when some line has colour runs.
    public var hasColors: Bool { !coloredLines.isEmpty }

    /// The byte range of line `index` in `text`, without its `\n`.
    public func range(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : lineEnds[index - 1] + 1)..<lineEnds[index]
    }

    public func text(of index: Int) -> String {
        text.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range(of: index)]), as: UTF8.self)
        }
    }

    /// The colour runs of line `index` (empty for most lines).
    public func colors(of index: Int) -> ArraySlice<ColorRun> {
        guard let k = coloredIndex(firstAtOrAfter: index), coloredLines[k] == index else { return [] }
        return colorRuns[(k == 0 ? 0 : coloredLineRunEnds[k - 1])..<coloredLineRunEnds[k]]
    }

    /// The position in `coloredLines` of the first coloured line at or after `line`; nil: none.
    func coloredIndex(firstAtOrAfter line: Int) -> Int? {
        var low = 0, high = coloredLines.count
        while low < high {
            let mid = (low + high) / 2
            if coloredLines[mid] < line { low = mid + 1 } else { high = mid }
        }
        return low < coloredLines.count ? low : nil
    }

    public func line(_ index: Int) -> OutputLine {
        OutputLine(text: text(of: index), colors: Array(colors(of: index)))
    }

    public var lines: [OutputLine] { (0..<count).map(line) }

    /// Records the colour runs of the line being completed (the next line index).
    mutating func appendColors(_ runs: [ColorRun]) {
        guard !runs.isEmpty else { return }
        coloredLines.append(lineEnds.count)
        colorRuns.append(contentsOf: runs)
        coloredLineRunEnds.append(colorRuns.count)
    }

    mutating func removeAll() {
        text.removeAll(keepingCapacity: true)
        lineEnds.removeAll(keepingCapacity: true)
        continuedLines.removeAll(keepingCapacity: true)
        if !coloredLines.isEmpty {
            coloredLines.removeAll(keepingCapacity: true)
            coloredLineRunEnds.removeAll(keepingCapacity: true)
            colorRuns.removeAll(keepingCapacity: true)
        }
    }
}

extension SanitizedBatch {
    /// Lines `first..<count` as a batch of their own (numbered from 0), copied in bulk.
    func suffix(from first: Int) -> SanitizedBatch {
        guard first > 0 else { return self }
        var out = SanitizedBatch()
        let offset = range(of: first).lowerBound
        text.withUnsafeBufferPointer { out.text.append(contentsOf: UnsafeBufferPointer(rebasing: $0[offset...])) }
        out.lineEnds.reserveCapacity(count - first)
        for index in first..<count { out.lineEnds.append(lineEnds[index] - offset) }
        out.continuedLines = continuedLines.filter { $0 >= first }.map { $0 - first }
        if let k = coloredIndex(firstAtOrAfter: first) {
            let runOffset = k == 0 ? 0 : coloredLineRunEnds[k - 1]
            for j in k..<coloredLines.count {
                out.coloredLines.append(coloredLines[j] - first)
                out.coloredLineRunEnds.append(coloredLineRunEnds[j] - runOffset)
            }
            out.colorRuns.append(contentsOf: colorRuns[runOffset...])
        }
        return out
    }

    /// Appends one already clean line.
    mutating func append(_ line: OutputLine) {
        appendColors(line.colors)
        text.append(contentsOf: line.text.utf8)
        lineEnds.append(text.count)
        text.append(0x0A)
    }
}
