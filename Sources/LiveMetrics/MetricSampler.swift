import Foundation
import RunbookKit

/// Polls every bound metric on its own interval and judges each sample.
///
/// Each metric has one loop: a sample never starts while the previous one of the same metric runs
/// (no pile-up; an overrunning sample delays only its own next one). At most `maxConcurrent`
/// samples run at once, and every sample has a deadline (the binding's timeout), so a hanging
/// source never holds the others for longer than that.
public actor MetricSampler {
    public struct Metric: Sendable {
        public var name: String
        public var source: any MetricSource
        public var sourceUnit: String?
        public var interval: Double
        public var timeout: Double
        public var judge: ThresholdJudge

        public init(
            name: String, source: any MetricSource, sourceUnit: String? = nil, interval: Double,
            timeout: Double = MetricBinding.defaultTimeoutSeconds, judge: ThresholdJudge
        ) {
            self.name = name
            self.source = source
            self.sourceUnit = sourceUnit
            self.interval = interval
            self.timeout = timeout
            self.judge = judge
        }
    }

    /// A finished sample and the transition it caused.
    public struct Update: Sendable {
        public var status: MetricStatus
        public var transition: MetricTransition?
    }

    private var metrics: [Metric]
    private let clock: any SamplingClock
    private let limit: ConcurrencyLimit
    private var tasks: [Task<Void, Never>] = []
    private var continuation: AsyncStream<Update>.Continuation?

    public init(metrics: [Metric], clock: any SamplingClock = SystemSamplingClock(), maxConcurrent: Int = 8) {
        self.metrics = metrics
        self.clock = clock
        limit = ConcurrencyLimit(maxConcurrent)
    }

    /// Starts polling; updates arrive on the stream until `stop()`.
    public func start() -> AsyncStream<Update> {
        let (stream, continuation) = AsyncStream<Update>.makeStream()
        self.continuation = continuation
        for index in metrics.indices {
            tasks.append(Task { await self.loop(index) })
        }
        return stream
    }

    public func stop() {
        tasks.forEach { $0.cancel() }
        tasks = []
        continuation?.finish()
        continuation = nil
    }

    /// Every metric's state now (STALE shows up here even while a sample hangs).
    public func snapshot() -> [MetricStatus] {
        let now = clock.now()
        return metrics.map { $0.judge.status(at: now) }
    }

    /// Samples every metric once, concurrently (within the limit), and returns the states.
    public func sampleOnce() async -> [MetricStatus] {
        await withTaskGroup(of: Void.self) { group in
            for index in metrics.indices { group.addTask { await self.sample(index) } }
        }
        return snapshot()
    }

    private func loop(_ index: Int) async {
        var next = clock.now()
        while !Task.isCancelled {
            let started = clock.now()
            await sample(index)
            // On the grid when on time; after a late wake-up (a suspended machine, a long jump) one
            // interval after this sample's start, so missed ticks are never caught up in a burst. A
            // sample that overran its interval is followed at once by the next.
            next = max(next + metrics[index].interval, started + metrics[index].interval)
            do { try await clock.sleep(until: next) } catch { return }
        }
    }

    private func sample(_ index: Int) async {
        let metric = metrics[index]
        await limit.acquire()
        let result: Result<SourceReading, any Error>
        do {
            let source = metric.source
            result = .success(try await withTimeout(metric.timeout) { try await source.sample() })
        } catch {
            result = .failure(error)
        }
        await limit.release()
        let now = clock.now()
        var transition: MetricTransition?
        switch result {
        case .success(let reading):
            transition = metrics[index].judge.observe(reading, sourceUnit: metric.sourceUnit, at: now)
        case .failure(let error): metrics[index].judge.fail("\(error)", at: now)
        }
        continuation?.yield(Update(status: metrics[index].judge.status(at: now), transition: transition))
    }
}

extension MetricSampler.Metric {
    /// A Prometheus query's unit from its metric names, when the binding does not give one.
    static func inferredUnit(_ binding: MetricBinding) -> String? {
        if case .prometheus(let query) = binding.source { return PromQLUnit.infer(query) }
        return nil
    }

    /// A sampler metric for a bound plan entry.
    public init?(_ entry: MetricPlan.Entry, prometheusURL: String?, auth: PrometheusAuth) {
        guard let binding = entry.binding else { return nil }
        self.init(
            name: entry.name, source: SourceFactory.source(for: binding, prometheusURL: prometheusURL, auth: auth),
            sourceUnit: binding.unit ?? Self.inferredUnit(binding), interval: binding.everySeconds,
            timeout: binding.timeoutSeconds + 0.5, judge: entry.judge())
    }
}
