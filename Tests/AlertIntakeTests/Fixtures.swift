import AlertIntake
import Foundation
import IncidentKit
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A throw-away store and runbooks folder for one test.
struct AlertFixture {
    let directory: URL
    let journal: any Journal

    static let paymentsRunbook = """
        # Payments runbook

        ## Severity Levels

        | Level | Description | Response Time |
        |-------|-------------|---------------|
        | SEV1 | Payments down | < 10 mins |
        | SEV2 | Degraded | < 30 mins |
        | SEV3 | Minor | < 4 hours |

        ## High error rate

        ```bash
        kubectl -n <namespace> get pods
        ```

        ## Slow checkout

        Look at the latency dashboard.
        """

    static let catalogueRunbook = """
        # Alert catalogue

        ## KubePodCrashLooping

        A pod restarts over and over.

        ## Disk Almost Full

        Free some space.
        """

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-alerts-\(UUID().uuidString)")
        let runbooks = directory.appendingPathComponent("runbooks")
        try FileManager.default.createDirectory(
            at: runbooks.appendingPathComponent("k8s"), withIntermediateDirectories: true)
        try Self.paymentsRunbook.write(
            to: runbooks.appendingPathComponent("payments.md"), atomically: true, encoding: .utf8)
        try Self.catalogueRunbook.write(
            to: runbooks.appendingPathComponent("k8s/catalogue.md"), atomically: true,
            encoding: .utf8)
        journal = try SQLiteJournal(location: StoreLocation(directory: directory.appendingPathComponent("store")))
    }

    var runbooksPath: String { directory.appendingPathComponent("runbooks").path }

    func intake(auth: ReceiverAuth = .none, severity: [String: String] = [:]) -> AlertIntake {
        var config = AlertsConfig()
        config.runbooks = runbooksPath
        config.auth = auth
        config.severity = severity
        return AlertIntake(journal: journal, config: config)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Alertmanager-shaped bodies.
enum Payloads {
    static func alert(
        status: String = "firing", fingerprint: String = "a1b2c3d4e5f60718", name: String = "PaymentsHighErrorRate",
        labels: [String: String] = ["severity": "critical", "namespace": "payments"],
        annotations: [String: String] = [
            "summary": "Payments error rate above 5%",
            "runbook_url": "https://example.invalid/runbooks/payments.md#high-error-rate"
        ],
        startsAt: String = "2026-12-03T10:00:00.123456789Z"
    ) -> [String: Any] {
        var all = labels
        all["alertname"] = name
        return [
            "status": status, "labels": all, "annotations": annotations, "startsAt": startsAt,
            "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus/graph", "fingerprint": fingerprint
        ]
    }

    static func webhook(groupKey: String? = "{}:{alertname=\"PaymentsHighErrorRate\"}", alerts: [[String: Any]]) -> Data
    {
        var body: [String: Any] = [
            "version": "4", "receiver": "warroom", "status": "firing", "alerts": alerts,
            "groupLabels": ["alertname": "PaymentsHighErrorRate"], "commonLabels": [:], "commonAnnotations": [:],
            "externalURL": "http://alertmanager:9093", "truncatedAlerts": 0
        ]
        if let groupKey { body["groupKey"] = groupKey }
        return try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    }
}

/// A receiver served on a free loopback port for one test; `stop()` ends it.
final class RunningReceiver: Sendable {
    let port: Int
    let task: Task<Void, any Error>
    let logLines: LogLines

    final class LogLines: @unchecked Sendable {
        // @unchecked: every access goes through the lock.
        private var lines: [String] = []
        private let lock = NSLock()
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    init(_ intake: AlertIntake) async throws {
        let log = LogLines()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let receiver = AlertReceiver(intake: intake) { log.append($0) }
        task = Task { try await receiver.run(on: ListenAddress(host: "127.0.0.1", port: 0)) { continuation.yield($0) } }
        logLines = log
        // A receiver that never listens fails the test instead of hanging it.
        let timeout = Task {
            try await Task.sleep(nanoseconds: 20_000_000_000); continuation.finish()
        }
        var first: Int?
        for await port in ports { first = port; break }
        timeout.cancel()
        guard let first else { throw ReceiverDidNotStart() }
        port = first
    }

    struct ReceiverDidNotStart: Error {}

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// POSTs `body` to `/alerts`; returns the status and the body.
    func post(_ body: Data, authorization: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/alerts")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 60
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
