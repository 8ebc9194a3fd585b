import Foundation
import Testing
import RunbookKit
@testable import LiveMetrics

/// The sampler driven by `TestClock`: intervals, staleness and no catch-up bursts in virtual time.
@Suite struct VirtualTimeSamplerTests {
    func metric(_ source: any MetricSource, interval: Double, timeout: Double = 60) -> MetricSampler.Metric {
        MetricSampler.Metric(
            name: "queue", source: source, interval: interval, timeout: timeout,
            judge: ThresholdJudge(
                name: "queue", warning: nil,
                critical: ThresholdParser.threshold("> 3", line: 1), interval: interval))
    }

    @Test func samplesOncePerIntervalWithoutCatchingUp() async throws {
        let clock = TestClock(), counter = SampleCounter()
        let sampler = MetricSampler(metrics: [metric(ConstantSource(counter: counter), interval: 10)], clock: clock)
        _ = await sampler.start()
        #expect(await eventually { await counter.started == 1 && clock.waiting == 1 })
        clock.advance(by: 9.9)
        try await Task.sleep(for: .milliseconds(50))
        #expect(await counter.started == 1)
        clock.advance(by: 0.1)
        #expect(await eventually { await counter.started == 2 && clock.waiting == 1 })
        // A long jump (a suspended laptop): one sample, not one per missed tick.
        clock.advance(by: 100)
        #expect(await eventually { await counter.started == 3 && clock.waiting == 1 })
        try await Task.sleep(for: .milliseconds(50))
        #expect(await counter.started == 3)
        #expect(await sampler.snapshot()[0].state == .crit)
        await sampler.stop()
    }

    @Test func aHangingSampleGoesStaleAfterThreeIntervalsAndDoesNotPileUp() async throws {
        let clock = TestClock(), counter = SampleCounter(), hanging = SampleCounter()
        // First sample answers; the next ones hang (in real time) far past the virtual intervals.
        let source = FirstThenHang(counter: counter, hanging: hanging)
        let sampler = MetricSampler(metrics: [metric(source, interval: 10)], clock: clock)
        _ = await sampler.start()
        #expect(await eventually { await counter.started == 1 && clock.waiting == 1 })
        clock.advance(by: 10)
        #expect(await eventually { await hanging.running == 1 })
        clock.advance(by: 19.9)
        #expect(await sampler.snapshot()[0].state == .crit)
        clock.advance(by: 0.1)
        let stale = await sampler.snapshot()[0]
        #expect(stale.state == .stale)
        #expect(stale.error == "no fresh sample for 30s")
        clock.advance(by: 100)
        try await Task.sleep(for: .milliseconds(50))
        #expect(await hanging.started == 1, "no new sample while one is running")
        await sampler.stop()
    }
}

/// Answers 5 once, then every sample hangs until cancelled.
struct FirstThenHang: MetricSource {
    let counter: SampleCounter
    let hanging: SampleCounter
    func sample() async throws -> SourceReading {
        if await counter.started == 0 {
            await counter.begin()
            await counter.end()
            return SourceReading(value: 5)
        }
        await hanging.begin()
        try? await Task.sleep(for: .seconds(30))
        await hanging.end()
        throw CancellationError()
    }
}
