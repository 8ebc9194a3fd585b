import Testing
@testable import LiveMetrics

@Suite struct NumberScannerTests {
    @Test func readsTheFirstNumberAndItsUnit() {
        #expect(NumberScanner.first(in: "42ms\n")! == (42, "ms"))
        #expect(NumberScanner.first(in: "usage: 97.5 % of disk")! == (97.5, "%"))
        #expect(NumberScanner.first(in: "(integer) 1200")! == (1200, nil))
        #expect(NumberScanner.first(in: "size 1.5e3 MB")! == (1500, "MB"))
        #expect(NumberScanner.first(in: "delta -3 items")! == (-3, nil))
        #expect(NumberScanner.first(in: "no numbers") == nil)
    }

    @Test func durationsForPeople() {
        #expect(DurationText.short(192) == "3m12s")
        #expect(DurationText.short(600) == "10m")
        #expect(DurationText.short(5) == "5s")
        #expect(DurationText.short(0.25) == "250ms")
        #expect(DurationText.short(3900) == "1h05m")
    }
}
