/// A run of consecutive changed cells in one row: what the backend writes.
public struct CanvasRun: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var cells: [Cell]

    public init(row: Int, column: Int, cells: [Cell]) {
        self.row = row
        self.column = column
        self.cells = cells
    }

    /// Display columns covered (continuation cells included).
    public var width: Int { cells.count }
}

/// The minimal set of changed runs between two frames.
public enum CanvasDiff {
    /// Runs of cells that differ between `previous` and `next`. With no previous frame, or one
    /// of another size, every row is one run. A run never starts on the right half of a wide
    /// grapheme nor ends between its halves.
    public static func runs(from previous: Canvas?, to next: Canvas) -> [CanvasRun] {
        let width = next.width
        guard let previous, previous.width == width, previous.height == next.height else {
            return (0..<next.height).compactMap { y in
                width == 0 ? nil : CanvasRun(row: y, column: 0, cells: Array(next.row(y)))
            }
        }
        var result: [CanvasRun] = []
        next.cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                for y in 0..<next.height {
                    let base = y * width
                    var x = 0
                    while x < width {
                        if new[base + x] == old[base + x] { x += 1; continue }
                        var start = x
                        while start > 0, new[base + start].isContinuation || old[base + start].isContinuation {
                            start -= 1
                        }
                        var end = x + 1
                        while end < width {
                            if new[base + end] != old[base + end] || new[base + end].isContinuation {
                                end += 1
                            } else {
                                break
                            }
                        }
                        // A run that starts inside an earlier run's extension merges with it.
                        if let last = result.last, last.row == y, last.column + last.cells.count >= start {
                            let merged = Array(new[(base + last.column)..<(base + end)])
                            result[result.count - 1].cells = merged
                        } else {
                            result.append(
                                CanvasRun(row: y, column: start, cells: Array(new[(base + start)..<(base + end)])))
                        }
                        x = end
                    }
                }
            }
        }
        return result
    }
}
