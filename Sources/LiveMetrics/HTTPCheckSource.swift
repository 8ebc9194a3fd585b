import Foundation

/// Whether a URL answers: 1 (up, status below 400) or 0 (down: error status or no answer).
/// Status and latency go in the reading's detail.
public struct HTTPCheckSource: MetricSource {
    public let url: String
    public let timeoutSeconds: Double
    let fetcher: any HTTPFetcher

    public init(url: String, timeoutSeconds: Double = 5, fetcher: any HTTPFetcher = HTTPFetchers.standard) {
        self.url = url
        self.timeoutSeconds = timeoutSeconds
        self.fetcher = fetcher
    }

    public func sample() async throws -> SourceReading {
        guard let target = URL(string: url) else { throw SourceError("bad URL '\(url)'") }
        let started = ContinuousClock.now
        do {
            let answer = try await fetcher.get(HTTPGet(url: target, timeoutSeconds: timeoutSeconds, keepsBody: false))
            let elapsed = started.duration(to: .now)
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let up: Double = answer.status < 400 ? 1 : 0
            return SourceReading(value: up, detail: "HTTP \(answer.status) in \(Int(ms.rounded()))ms")
        } catch let error as SourceError {
            // Down is a value, not a failure of the check: thresholds like "< 1" can then fire.
            return SourceReading(value: 0, detail: error.message)
        }
    }
}
