import Testing
import RunbookKit
@testable import LiveMetrics

/// Threshold evaluation in virtual time: samples carry explicit timestamps.
@Suite struct ThresholdJudgeTests {
    func judge(_ critical: String, warning: String? = nil, interval: Double = 15) -> ThresholdJudge {
        ThresholdJudge(
            name: "Error Rate", warning: warning.flatMap { ThresholdParser.threshold($0, line: 1) },
            critical: ThresholdParser.threshold(critical, line: 1), interval: interval)
    }

    func percent(_ v: Double) -> SourceReading { SourceReading(value: v, unit: "%") }

    @Test func pendingThenCriticalAtExactlyTenMinutes() {
        var j = judge("> 1% for 10 minutes")
        #expect(j.critical?.forSeconds == 600)
        #expect(j.observe(percent(0.5), sourceUnit: nil, at: 0) == nil)
        #expect(j.status(at: 0).state == .ok)
        var transitions: [MetricTransition] = []
        for t in stride(from: 15.0, through: 585, by: 15) {
            if let tr = j.observe(percent(2), sourceUnit: nil, at: t) { transitions.append(tr) }
            #expect(j.status(at: t).state == .pending)
        }
        let status = j.status(at: 207)
        #expect(status.breachingFor == 192)
        #expect(status.needed == 600)
        #expect(status.pendingText == "breaching 3m12s of 10m")
        #expect(transitions.isEmpty)
        // Breach began at 15 s: at 614 it has held 599 s, at 615 exactly 600 s.
        #expect(j.observe(percent(2), sourceUnit: nil, at: 614) == nil)
        #expect(j.status(at: 614).state == .pending)
        let fired = j.observe(percent(2), sourceUnit: nil, at: 615)
        #expect(fired?.kind == .breached)
        #expect(fired?.level == .critical)
        #expect(fired?.value == 2)
        #expect(fired?.thresholdValue == 1)
        #expect(fired?.thresholdText == "> 1% for 10m")
        #expect(j.status(at: 615).state == .crit)
    }

    @Test func aDipResetsTheCount() {
        var j = judge("> 1% for 10 minutes")
        j.observe(percent(2), sourceUnit: nil, at: 0)
        j.observe(percent(2), sourceUnit: nil, at: 590)
        j.observe(percent(0.5), sourceUnit: nil, at: 595)
        #expect(j.status(at: 595).state == .ok)
        j.observe(percent(2), sourceUnit: nil, at: 600)
        #expect(j.observe(percent(2), sourceUnit: nil, at: 1199) == nil)
        #expect(j.status(at: 1199).state == .pending)
        #expect(j.observe(percent(2), sourceUnit: nil, at: 1200)?.kind == .breached)
    }

    @Test func aStateBreachesWhileItHoldsAndRecoversAtOnce() {
        var j = judge("== 0 for 1m")
        #expect(j.critical?.op == .equal)
        let plain = { (v: Double) in SourceReading(value: v, unit: nil) }
        #expect(j.observe(plain(1), sourceUnit: nil, at: 0) == nil)
        #expect(j.observe(plain(0), sourceUnit: nil, at: 15) == nil)
        #expect(j.observe(plain(0), sourceUnit: nil, at: 75)?.kind == .breached)
        // No margin around a state: the first sample that differs ends it.
        #expect(j.observe(plain(1), sourceUnit: nil, at: 90)?.kind == .recovered)
        var down = judge("!= 0")
        #expect(down.observe(plain(3), sourceUnit: nil, at: 0)?.kind == .breached)
        #expect(down.observe(plain(0), sourceUnit: nil, at: 15)?.kind == .recovered)
    }

    @Test func recoversOnlyPastTheHysteresisMargin() {
        var j = judge("> 1%")
        #expect(j.observe(percent(1.5), sourceUnit: nil, at: 0)?.kind == .breached)
        // 0.97 is clear of the threshold but inside the 5% band (0.95): still firing, no flapping.
        #expect(j.observe(percent(0.97), sourceUnit: nil, at: 15) == nil)
        #expect(j.status(at: 15).state == .crit)
        #expect(j.observe(percent(1.2), sourceUnit: nil, at: 30) == nil)
        let recovered = j.observe(percent(0.9), sourceUnit: nil, at: 45)
        #expect(recovered?.kind == .recovered)
        #expect(recovered?.level == .critical)
        #expect(j.status(at: 45).state == .ok)
    }

    @Test func warningThenCriticalThenRecovery() {
        var j = judge("> 90%", warning: "> 80%")
        #expect(j.observe(percent(85), sourceUnit: nil, at: 0)?.level == .warning)
        #expect(j.status(at: 0).state == .warn)
        #expect(j.observe(percent(95), sourceUnit: nil, at: 15)?.level == .critical)
        #expect(j.observe(percent(70), sourceUnit: nil, at: 30)?.kind == .recovered)
    }

    @Test func lowerIsWorseForLessThanThresholds() {
        var j = judge("< 10%")
        let reading = SourceReading(values: [50, 8, 30], unit: "%")
        #expect(j.observe(reading, sourceUnit: nil, at: 0)?.value == 8)
        #expect(j.status(at: 0).seriesCount == 3)
    }

    @Test func staleAfterThreeMissedIntervals() {
        var j = judge("> 1%", interval: 15)
        j.observe(percent(0.1), sourceUnit: nil, at: 0)
        #expect(j.status(at: 44.9).state == .ok)
        #expect(j.status(at: 45).state == .stale)
        j.observe(percent(0.1), sourceUnit: nil, at: 46)
        #expect(j.status(at: 46).state == .ok)
    }

    @Test func failuresAreErrorsWithTheReason() {
        var j = judge("> 1%")
        j.fail("connection refused", at: 0)
        #expect(j.status(at: 0).state == .error)
        #expect(j.status(at: 0).error == "connection refused")
    }

    @Test func valuesAreConvertedToTheThresholdUnit() {
        var j = ThresholdJudge(
            name: "Latency", warning: nil,
            critical: ThresholdParser.threshold("> 500ms", line: 1), interval: 15)
        #expect(j.observe(SourceReading(value: 0.7), sourceUnit: "s", at: 0)?.value == 700)
        #expect(j.status(at: 0).unit == "ms")
        #expect(UnitConversion.convert(2_000_000, from: "bytes", to: "MB") == 2)
        #expect(UnitConversion.convert(3, from: "min", to: "s") == 180)
        #expect(UnitConversion.convert(3, from: "%", to: "ms") == 3)
    }
}
