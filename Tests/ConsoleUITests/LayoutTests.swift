import Testing
@testable import ConsoleUI

@Suite("Screen layout")
struct LayoutTests {
    /// Every visible rect lies inside the screen and no two overlap.
    func checkTiling(_ layout: ScreenLayout) {
        var rects = [layout.header, layout.footer, layout.tabBar] + layout.panes.values
        rects.removeAll(where: \.isEmpty)
        for rect in rects {
            #expect(layout.screen.intersection(rect) == rect, "\(rect) outside \(layout.screen)")
        }
        for i in rects.indices {
            for j in rects.indices where j > i {
                #expect(rects[i].intersection(rects[j]).isEmpty, "\(rects[i]) overlaps \(rects[j])")
            }
        }
        let area = rects.reduce(0) { $0 + $1.width * $1.height }
        if layout.mode != .tooSmall { #expect(area == layout.screen.width * layout.screen.height) }
    }

    @Test("Full layout at 200×60 and at the 100×30 threshold", arguments: [(200, 60), (100, 30), (120, 40), (101, 31)])
    func full(width: Int, height: Int) throws {
        let layout = ScreenLayout.compute(width: width, height: height)
        #expect(layout.mode == .full)
        #expect(layout.header == Rect(x: 0, y: 0, width: width, height: 2))
        #expect(layout.footer == Rect(x: 0, y: height - 1, width: width, height: 1))
        #expect(layout.panes.count == 4)
        let checklist = try #require(layout.panes[.checklist])
        let timeline = try #require(layout.panes[.timeline])
        #expect(checklist.x == 0 && checklist.y == 2)
        #expect(timeline.maxX == width && timeline.maxY == height - 1)
        checkTiling(layout)
    }

    @Test("Tabbed single pane below 100×30", arguments: [(99, 40), (200, 29), (60, 15), (80, 24)])
    func tabbed(width: Int, height: Int) {
        let layout = ScreenLayout.compute(width: width, height: height, activePane: .metrics)
        #expect(layout.mode == .tabbed)
        #expect(layout.panes.keys.sorted { $0.rawValue < $1.rawValue } == [.metrics])
        #expect(layout.panes[.metrics] == Rect(x: 0, y: 2, width: width, height: height - 3))
        #expect(layout.tabBar == Rect(x: 0, y: 1, width: width, height: 1))
        checkTiling(layout)
    }

    @Test("Too small below 60×15, never crashing", arguments: [(59, 40), (200, 14), (1, 1), (0, 0), (-5, -5)])
    func tooSmall(width: Int, height: Int) {
        let layout = ScreenLayout.compute(width: width, height: height)
        #expect(layout.mode == .tooSmall)
        #expect(layout.panes.isEmpty)
        checkTiling(layout)
    }

    @Test("Mouse positions map to panes")
    func hitTest() {
        let layout = ScreenLayout.compute(width: 120, height: 40)
        #expect(layout.pane(atColumn: 1, row: 3) == .checklist)
        #expect(layout.pane(atColumn: 119, row: 38) == .timeline)
        #expect(layout.pane(atColumn: 5, row: 0) == nil)
    }
}
