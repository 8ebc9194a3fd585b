/// One line of a pane before it is formatted: plain indices, cheap to list for every item.
/// `row` is the position among the shown items (the selection's index).
enum PaneSlot: Sendable, Equatable {
    /// A row built up front (the severity lines, the runs list).
    case fixed(Int)
    /// The heading before shown item `row` (a phase, a section, a day, a runbook).
    case heading(row: Int)
    /// Shown item `row`: the selectable line.
    case item(row: Int)
    /// The second line of shown item `row` (a metric's state or limits).
    case detail(row: Int)
}

/// A pane's lines, formatted only when asked for: counting lines and finding the selected
/// item's line touch only the slots, so a frame formats just the window on screen.
struct PaneLines {
    var slots: [PaneSlot]
    var fixed: [PaneRow] = []
    let format: (PaneSlot) -> PaneRow

    init(slots: [PaneSlot], fixed: [PaneRow] = [], format: @escaping (PaneSlot) -> PaneRow) {
        self.slots = slots
        self.fixed = fixed
        self.format = format
    }

    /// Rows built up front, with nothing left to format.
    init(rows: [PaneRow]) {
        self.init(slots: rows.indices.map(PaneSlot.fixed), fixed: rows) { _ in PaneRow(text: "", key: .text) }
    }

    var count: Int { slots.count }
    var isEmpty: Bool { slots.isEmpty }

    func row(_ line: Int) -> PaneRow {
        if case .fixed(let index) = slots[line] { return fixed[index] }
        return format(slots[line])
    }

    /// The line of the selectable item `item`, nil when it has none.
    func line(ofItem item: Int) -> Int? {
        for (line, slot) in slots.enumerated() {
            if case .item(let row) = slot, row == item { return line }
        }
        // Fixed rows (the runs list) carry their own item index.
        return slots.firstIndex { slot in
            guard case .fixed(let index) = slot else { return false }
            return fixed[index].item == item
        }
    }

    /// Every row, formatted (tests and small panes).
    var all: [PaneRow] { slots.indices.map(row) }
}

/// The item indices a pane shows: the filter's, else `0..<count` without building an array.
struct ShownIndices {
    let filtered: [Int]?
    let count: Int

    init(filtered: [Int]?, count: Int) {
        self.filtered = filtered
        self.count = filtered?.count ?? count
    }

    subscript(row: Int) -> Int { filtered?[row] ?? row }
}
