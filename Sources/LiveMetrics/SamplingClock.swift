/// Time for the sampler, in seconds. Injectable so tests can use short or virtual time.
public protocol SamplingClock: Sendable {
    func now() -> Double
    func sleep(until deadline: Double) async throws
}

/// The real clock (monotonic, seconds since the clock was made).
public struct SystemSamplingClock: SamplingClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Double {
        let d = origin.duration(to: .now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    public func sleep(until deadline: Double) async throws {
        let wait = deadline - now()
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up)))) }
    }
}
