import ConsoleUI
import Testing

/// The one selection model: moves stop at the ends, an index past the end reads as the last row,
/// and the rows shown follow from the selection and the height.
@Suite struct ListCursorTests {
    @Test("Moves by one or a page stop at the first and the last row")
    func moves() {
        var cursor: ListCursor = 0
        cursor.move(by: -1, count: 5)
        #expect(cursor.index == 0)
        cursor.move(by: 3, count: 5)
        #expect(cursor.index == 3)
        cursor.move(by: 1, count: 5)
        cursor.move(by: 1, count: 5)
        #expect(cursor.index == 4)
        cursor.page(-1, size: 3, count: 5)
        #expect(cursor.index == 1)
        cursor.page(-1, size: 3, count: 5)
        #expect(cursor.index == 0)
        cursor.page(2, size: 3, count: 5)
        #expect(cursor.index == 4)
    }

    @Test("Home and End go to the first and the last row; End of an empty list is row 0")
    func homeAndEnd() {
        var cursor = ListCursor(2)
        cursor.end(count: 7)
        #expect(cursor == 6)
        cursor.home()
        #expect(cursor == 0)
        cursor.end(count: 0)
        #expect(cursor == 0)
    }

    @Test("An index past the end reads as the last row, and moves from there; nothing moves in an empty list")
    func clamping() {
        var cursor = ListCursor(9)
        #expect(cursor.clamped(to: 4) == 3)
        #expect(cursor.clamped(to: 0) == 0)
        #expect(ListCursor(-2).clamped(to: 4) == 0)
        cursor.move(by: -1, count: 4)
        #expect(cursor.index == 2, "one up from the last row shown, not from the stale index")
        var empty: ListCursor = 0
        empty.move(by: 1, count: 0)
        empty.page(1, size: 10, count: 0)
        #expect(empty.index == 0)
    }

    @Test("Rows scroll only as far as the selection needs: it then sits on the last row shown")
    func keepsVisible() {
        #expect(ListCursor(0).firstShown(height: 5) == 0)
        #expect(ListCursor(4).firstShown(height: 5) == 0)
        #expect(ListCursor(5).firstShown(height: 5) == 1)
        #expect(ListCursor(12).firstShown(height: 5) == 8)
        #expect(ListCursor.firstShown(row: 3, height: 1) == 3)
        for row in 0..<30 {
            let first = ListCursor(row).firstShown(height: 7)
            #expect(first...(first + 6) ~= row, "row \(row) shows")
        }
    }
}
