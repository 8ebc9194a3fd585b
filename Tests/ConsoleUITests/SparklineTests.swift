@testable import ConsoleUI
import Testing

/// Sparklines scale over at least a tenth of the values' size: noise stays low, a real rise shows.
@Suite("Sparklines (pure)")
struct SparklineTests {
    @Test func noiseAroundALevelStaysLow() {
        #expect(Sparkline.render([17.33, 17.34, 17.36, 17.33], width: 4, ascii: false) == "▁▁▁▁")
    }

    @Test func aRealRiseFillsTheScale() {
        #expect(Sparkline.render([10, 10, 40, 80], width: 4, ascii: false) == "▁▁▄█")
        #expect(Sparkline.render([0, 0, 0, 1], width: 4, ascii: true) == "___#")
    }

    @Test func theChartUsesTheSameFloor() {
        let rows = Sparkline.chart([50, 50.1, 50.2], width: 3, height: 2, ascii: false)
        #expect(rows[0] == "   ")
    }
}
