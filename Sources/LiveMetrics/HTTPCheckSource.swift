import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Whether a URL answers: 1 (up, status below 400) or 0 (down: error status or no answer).
/// Status and latency go in the reading's detail.
public struct HTTPCheckSource: MetricSource {
    public let url: String
    public let timeoutSeconds: Double

    public init(url: String, timeoutSeconds: Double = 5) {
        self.url = url
        self.timeoutSeconds = timeoutSeconds
    }

    public func sample() async throws -> SourceReading {
        guard let target = URL(string: url) else { throw SourceError("bad URL '\(url)'") }
        let started = ContinuousClock.now
        do {
            let (_, response) = try await HTTPFetch.fetch(URLRequest(url: target, timeoutInterval: timeoutSeconds),
                                                          timeoutSeconds: timeoutSeconds)
            let elapsed = started.duration(to: .now)
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let up: Double = response.statusCode < 400 ? 1 : 0
            return SourceReading(value: up, detail: "HTTP \(response.statusCode) in \(Int(ms.rounded()))ms")
        } catch let error as SourceError {
            // Down is a value, not a failure of the check: thresholds like "< 1" can then fire.
            return SourceReading(value: 0, detail: error.message)
        }
    }
}
