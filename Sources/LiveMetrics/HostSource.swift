import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Host metrics read from `/proc` and `statvfs`, without spawning anything:
/// `cpu` (% busy since the previous sample), `memory` (% used), `disk:/path` (% used, as df),
/// `load1|load5|load15`, `fds` (open file handles, system-wide).
public final class HostSource: MetricSource, @unchecked Sendable {
    public let metric: String
    private let lock = NSLock()
    private var previousCPU: CPUTimes?

    public init(_ metric: String) { self.metric = metric }

    public func sample() async throws -> SourceReading {
        switch metric {
        case "cpu": return SourceReading(value: try await cpuPercent(), unit: "%")
        case "memory": return SourceReading(value: try HostProc.memoryUsedPercent(), unit: "%")
        case "load1", "load5", "load15":
            let loads = try HostProc.loadAverages()
            return SourceReading(value: loads[["load1", "load5", "load15"].firstIndex(of: metric)!])
        case "fds": return SourceReading(value: try HostProc.openFileHandles())
        default:
            guard metric.hasPrefix("disk:") else { throw SourceError("unknown host metric '\(metric)'") }
            return SourceReading(value: try HostProc.diskUsedPercent(path: String(metric.dropFirst(5))), unit: "%")
        }
    }

    /// Busy share between the previous sample and now; the first sample measures over 200 ms.
    private func cpuPercent() async throws -> Double {
        var before = lock.withLock { previousCPU }
        if before == nil {
            before = try HostProc.cpuTimes()
            try await Task.sleep(for: .milliseconds(200))
        }
        let now = try HostProc.cpuTimes()
        lock.withLock { previousCPU = now }
        guard let before else { return 0 }
        let total = now.total - before.total
        return total > 0 ? 100 * (1 - (now.idle - before.idle) / total) : 0
    }
}

struct CPUTimes: Sendable {
    var total: Double
    var idle: Double
}

/// Parsers for the `/proc` files the host source reads (public so tests compare them independently).
public enum HostProc {
    static func read(_ path: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw SourceError("cannot read \(path)")
        }
    }

    static func cpuTimes() throws -> CPUTimes {
        guard let line = try read("/proc/stat").split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else {
            throw SourceError("no cpu line in /proc/stat")
        }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 4 else { throw SourceError("unexpected /proc/stat") }
        // user nice system idle iowait irq softirq steal (guest is already in user)
        let counted = fields.prefix(8)
        let idle = fields[3] + (fields.count > 4 ? fields[4] : 0)
        return CPUTimes(total: counted.reduce(0, +), idle: idle)
    }

    public static func memoryUsedPercent() throws -> Double {
        var kb: [String: Double] = [:]
        for line in try read("/proc/meminfo").split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count >= 2 { kb[String(parts[0].dropLast())] = Double(parts[1]) }
        }
        guard let total = kb["MemTotal"], total > 0, let available = kb["MemAvailable"] else {
            throw SourceError("no MemTotal/MemAvailable in /proc/meminfo")
        }
        return 100 * (total - available) / total
    }

    public static func loadAverages() throws -> [Double] {
        let fields = try read("/proc/loadavg").split(separator: " ").prefix(3).compactMap { Double($0) }
        guard fields.count == 3 else { throw SourceError("unexpected /proc/loadavg") }
        return fields
    }

    public static func openFileHandles() throws -> Double {
        guard let first = try read("/proc/sys/fs/file-nr").split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
            let value = Double(first)
        else { throw SourceError("unexpected /proc/sys/fs/file-nr") }
        return value
    }

    /// Used share of the file system as `df` shows it: used / (used + available to users).
    public static func diskUsedPercent(path: String) throws -> Double {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else {
            throw SourceError("cannot stat \(path): \(String(cString: strerror(errno)))")
        }
        let used = Double(stats.f_blocks - stats.f_bfree)
        let available = Double(stats.f_bavail)
        return used + available > 0 ? 100 * used / (used + available) : 0
    }
}
