import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `warroom alerts serve` (the release binary, a throw-away store) on 127.0.0.1: time from a
/// webhook POST to its 200 (sent only once the alert is in the journal) for 200 new groups,
/// beside a refused payload's 400 on the same server (no journal work) as the baseline; then
/// a burst of 1,000 alerts in 50 groups, 20 deliveries at a time.
enum AlertsBench {
    static func run() {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "warroom")
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-alerts-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: store) }
        let server = Process()
        server.executableURL = binary
        server.arguments = ["alerts", "serve", "--listen", "127.0.0.1:0", "--store", store.path]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        do { try server.run() } catch {
            print("alerts: cannot start \(binary.path): \(error)")
            return
        }
        defer { server.terminate(); server.waitUntilExit() }
        guard let port = readPort(out.fileHandleForReading) else {
            print("alerts: the receiver did not say its port")
            return
        }
        let url = URL(string: "http://127.0.0.1:\(port)/alerts")!
        var recorded: [Double] = [], refused: [Double] = []
        var wrong = 0
        for n in 0..<200 {
            let answer = post(url, body: payload(group: "latency-\(n)", alerts: 1, offset: 100_000 + n))
            if answer.status != 200 { wrong += 1 }
            recorded.append(answer.seconds)
            refused.append(post(url, body: Data("{}".utf8)).seconds)
        }
        if wrong > 0 {
            print("alerts: \(wrong) of 200 deliveries were not answered 200; the figures below are not valid")
        }
        let p = { (xs: [Double], q: Double) in xs.sorted()[min(Int(Double(xs.count) * q), xs.count - 1)] * 1000 }
        print("alerts: webhook → recorded incident, 200 new groups, one at a time")
        print(String(format: "  recorded (200)   p50 %6.2f ms  p99 %6.2f ms", p(recorded, 0.5), p(recorded, 0.99)))
        print(
            String(
                format: "  refused (400)    p50 %6.2f ms  p99 %6.2f ms  (baseline: same server, no journal)",
                p(refused, 0.5), p(refused, 0.99)))
        print(String(format: "  ratio p50 %.1fx", p(recorded, 0.5) / p(refused, 0.5)))

        // 1,000 alerts in 50 groups of 20, delivered 20 at a time.
        let start = Date()
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 20) { worker in
            for group in stride(from: worker, to: 50, by: 20) {
                let status = post(url, body: payload(group: "burst-\(group)", alerts: 20, offset: group * 20)).status
                if status != 200 { failures.add() }
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        print(
            String(
                format:
                    "  burst: 1,000 alerts in 50 groups absorbed in %.2f s (%.0f alerts/min; aim 1,000/min), %d failed",
                elapsed, 1000 / elapsed * 60, failures.value))
    }

    /// A number shared between threads (failures of the burst; a response's status).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        func set(_ n: Int) { lock.lock(); count = n; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    static func readPort(_ handle: FileHandle) -> Int? {
        var text = ""
        for _ in 0..<100 {
            let data = handle.availableData
            if data.isEmpty { return nil }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "127.0.0.1:"),
                let port = Int(text[range.upperBound...].prefix { $0.isNumber })
            {
                return port
            }
        }
        return nil
    }

    static func payload(group: String, alerts: Int, offset: Int) -> Data {
        let items = (0..<alerts).map { i in
            """
            {"status":"firing","labels":{"alertname":"BenchAlert","severity":"critical","instance":"host-\(offset + i)"},\
            "annotations":{"summary":"bench"},"startsAt":"2026-12-03T13:02:00Z","endsAt":"0001-01-01T00:00:00Z",\
            "generatorURL":"http://prometheus/graph","fingerprint":"\(String(format: "%016llx", UInt64(offset + i + 1)))"}
            """
        }
        return Data(
            """
            {"version":"4","groupKey":"\(group)","status":"firing","receiver":"warroom","groupLabels":{},\
            "commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager","alerts":[\(items.joined(separator: ","))]}
            """.utf8)
    }

    /// One POST, waited for: its status and how long it took.
    static func post(_ url: URL, body: Data) -> (status: Int, seconds: Double) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let done = DispatchSemaphore(value: 0)
        let status = Counter()
        let start = Date()
        URLSession.shared.dataTask(with: request) { _, response, _ in
            status.set((response as? HTTPURLResponse)?.statusCode ?? 0)
            done.signal()
        }.resume()
        done.wait()
        return (status.value, Date().timeIntervalSince(start))
    }
}
