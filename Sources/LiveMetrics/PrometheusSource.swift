import Foundation

/// Credentials for Prometheus, from `PROMETHEUS_TOKEN` or `PROMETHEUS_USER` + `PROMETHEUS_PASSWORD`.
public enum PrometheusAuth: Sendable, Equatable {
    case none
    case bearer(String)
    case basic(user: String, password: String)

    public static func from(environment env: [String: String]) -> PrometheusAuth {
        if let token = env["PROMETHEUS_TOKEN"], !token.isEmpty { return .bearer(token) }
        if let user = env["PROMETHEUS_USER"], !user.isEmpty {
            return .basic(user: user, password: env["PROMETHEUS_PASSWORD"] ?? "")
        }
        return .none
    }

    var header: String? {
        switch self {
        case .none: nil
        case .bearer(let token): "Bearer \(token)"
        case .basic(let user, let password): "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        }
    }
}

/// A PromQL instant query (`/api/v1/query`). A vector gives one value per series.
public struct PrometheusSource: MetricSource {
    public let baseURL: String
    public let query: String
    public let auth: PrometheusAuth
    public let timeoutSeconds: Double
    let fetcher: any HTTPFetcher

    public init(
        baseURL: String, query: String, auth: PrometheusAuth = .none, timeoutSeconds: Double = 5,
        fetcher: any HTTPFetcher = HTTPFetchers.standard
    ) {
        self.baseURL = baseURL
        self.query = query
        self.auth = auth
        self.timeoutSeconds = timeoutSeconds
        self.fetcher = fetcher
    }

    public func sample() async throws -> SourceReading {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard var components = URLComponents(string: base + "/api/v1/query") else {
            throw SourceError("bad Prometheus URL '\(baseURL)'")
        }
        components.queryItems = [URLQueryItem(name: "query", value: query)]
        // `+` is legal in a query string but Prometheus would read it as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else { throw SourceError("bad Prometheus URL '\(baseURL)'") }
        let headers = auth.header.map { [(name: "Authorization", value: $0)] } ?? []
        let answer = try await fetcher.get(HTTPGet(url: url, headers: headers, timeoutSeconds: timeoutSeconds))
        return try PrometheusResponse.reading(answer.body, status: answer.status)
    }
}

/// Decodes `/api/v1/query` answers: vector, scalar, or an error with Prometheus' own message.
enum PrometheusResponse {
    static func reading(_ data: Data, status: Int) throws -> SourceReading {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SourceError("HTTP \(status): not a Prometheus answer")
        }
        if json["status"] as? String != "success" {
            let message = json["error"] as? String ?? "HTTP \(status)"
            throw SourceError("query error: \(message)")
        }
        guard let body = json["data"] as? [String: Any], let type = body["resultType"] as? String else {
            throw SourceError("query error: answer without data")
        }
        switch type {
        case "vector":
            let result = body["result"] as? [[String: Any]] ?? []
            let series = result.compactMap { item -> SeriesValue? in
                guard let value = (item["value"] as? [Any]).flatMap(sampleValue) else { return nil }
                return SeriesValue(labels: item["metric"] as? [String: String] ?? [:], value: value)
            }
            guard !series.isEmpty else { throw SourceError("no data: the query matched no series") }
            return SourceReading(series: series, detail: series.count > 1 ? "\(series.count) series" : nil)
        case "scalar":
            guard let pair = body["result"] as? [Any], let value = sampleValue(pair) else {
                throw SourceError("query error: unreadable scalar")
            }
            return SourceReading(value: value)
        default:
            throw SourceError("query error: a \(type) result; use an instant vector or scalar")
        }
    }

    /// `[timestamp, "1.5"]` → 1.5 (NaN is skipped).
    static func sampleValue(_ pair: [Any]) -> Double? {
        guard pair.count == 2, let text = pair[1] as? String, let value = Double(text), !value.isNaN else { return nil }
        return value
    }
}
