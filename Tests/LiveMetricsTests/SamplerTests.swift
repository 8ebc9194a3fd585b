import Foundation
import Testing
import RunbookKit
@testable import LiveMetrics

/// Counts how many samples of a source run at the same time.
actor SampleCounter {
    var running = 0
    var maxRunning = 0
    var started = 0
    func begin() { running += 1; started += 1; maxRunning = max(maxRunning, running) }
    func end() { running -= 1 }
}

struct SlowSource: MetricSource {
    let counter: SampleCounter
    let seconds: Double
    func sample() async throws -> SourceReading {
        await counter.begin()
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        await counter.end()
        return SourceReading(value: 1)
    }
}

struct ConstantSource: MetricSource {
    let counter: SampleCounter
    func sample() async throws -> SourceReading {
        await counter.begin()
        await counter.end()
        return SourceReading(value: 5)
    }
}

@Suite(.serialized) struct MetricSamplerTests {
    func metric(_ name: String, _ source: any MetricSource, interval: Double, timeout: Double = 5)
        -> MetricSampler.Metric
    {
        MetricSampler.Metric(
            name: name, source: source, interval: interval, timeout: timeout,
            judge: ThresholdJudge(
                name: name, warning: nil,
                critical: ThresholdParser.threshold("> 3", line: 1), interval: interval))
    }

    @Test func aSlowSourceNeitherPilesUpNorDelaysOthers() async throws {
        let slow = SampleCounter(), fast = SampleCounter()
        let sampler = MetricSampler(metrics: [
            metric("slow", SlowSource(counter: slow, seconds: 0.4), interval: 0.05),
            metric("fast", ConstantSource(counter: fast), interval: 0.05)
        ])
        let updates = await sampler.start()
        let collector = Task {
            var n: [MetricTransition] = []; for await u in updates { if let t = u.transition { n.append(t) } }; return n
        }
        try await Task.sleep(for: .milliseconds(1000))
        await sampler.stop()
        let transitions = await collector.value
        #expect(await slow.maxRunning == 1)
        // 1 s of 0.4 s samples back to back: 2 or 3 started, never one per 50 ms tick.
        #expect(await slow.started <= 3)
        let fastCount = await fast.started, slowCount = await slow.started
        #expect(fastCount >= 8, "fast samples: \(fastCount), slow: \(slowCount)")
        #expect(transitions.contains { $0.metric == "fast" && $0.kind == .breached && $0.level == .critical })
    }

    @Test func atMostNSamplesRunAtOnce() async throws {
        let shared = SampleCounter()
        let sampler = MetricSampler(
            metrics: (0..<6).map { metric("m\($0)", SlowSource(counter: shared, seconds: 0.1), interval: 1) },
            maxConcurrent: 2)
        let statuses = await sampler.sampleOnce()
        #expect(await shared.maxRunning == 2)
        #expect(await shared.started == 6)
        #expect(statuses.allSatisfy { $0.state == .ok && $0.value == 1 })
    }

    @Test func aHangingSourceIsATimeoutError() async throws {
        let counter = SampleCounter()
        let sampler = MetricSampler(metrics: [
            metric("hang", SlowSource(counter: counter, seconds: 30), interval: 1, timeout: 0.2)
        ])
        let started = ContinuousClock.now
        let statuses = await sampler.sampleOnce()
        #expect(started.duration(to: .now) < .seconds(2))
        #expect(statuses[0].state == .error)
        #expect(statuses[0].error == "timeout after 200ms")
    }
}
