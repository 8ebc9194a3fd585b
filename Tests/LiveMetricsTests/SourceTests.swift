import Foundation
import Testing
@testable import LiveMetrics

@Suite struct CommandSourceTests {
    @Test func readsTheFirstNumberWithItsUnit() async throws {
        let reading = try await CommandSource("echo 42ms").sample()
        #expect(reading.values == [42])
        #expect(reading.unit == "ms")
    }

    @Test func aFailingCommandIsAnError() async {
        await #expect(throws: SourceError("command exited 3: boom")) {
            try await CommandSource("echo boom >&2; exit 3").sample()
        }
        await #expect(throws: SourceError("no number in the command's output")) {
            try await CommandSource("echo none").sample()
        }
    }

    @Test func aHangingCommandTimesOutAndLeavesNoProcessBehind() async throws {
        let started = ContinuousClock.now
        await #expect(throws: SourceError("timeout after 300ms")) {
            try await CommandSource("sleep 7.25; echo 1", timeoutSeconds: 0.3).sample()
        }
        #expect(started.duration(to: .now) < .seconds(2))
        try await Task.sleep(for: .milliseconds(400))
        #expect(Self.processes(matching: "sleep\u{0}7.25").isEmpty, "the shell's child was killed too")
    }

    /// Pids whose command line (NUL-separated, as in /proc) contains `text`.
    static func processes(matching text: String) -> [String] {
        let pids =
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { $0.allSatisfy(\.isNumber) } ?? []
        return pids.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(text)
        }
    }
}

/// Host metrics against `/proc` and statvfs read here, independently of HostProc.
@Suite struct HostSourceTests {
    func proc(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func loadMatchesProcLoadavg() async throws {
        let expected = try proc("/proc/loadavg").split(separator: " ").prefix(3).map { Double($0)! }
        let got = try await HostSource("load5").sample().values[0]
        #expect(abs(got - expected[1]) < 0.5)
    }

    @Test func memoryMatchesProcMeminfo() async throws {
        var kb: [String: Double] = [:]
        for line in try proc("/proc/meminfo").split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == ":" })
            if f.count >= 2 { kb[String(f[0])] = Double(f[1]) }
        }
        let expected = 100 * (1 - kb["MemAvailable"]! / kb["MemTotal"]!)
        let reading = try await HostSource("memory").sample()
        #expect(reading.unit == "%")
        #expect(abs(reading.values[0] - expected) < 2)
    }

    @Test func diskMatchesStatvfs() async throws {
        var s = statvfs()
        #expect(statvfs("/", &s) == 0)
        let used = Double(s.f_blocks - s.f_bfree)
        let expected = 100 * used / (used + Double(s.f_bavail))
        let got = try await HostSource("disk:/").sample().values[0]
        #expect(abs(got - expected) < 1)
        await #expect(throws: SourceError.self) { try await HostSource("disk:/no/such/dir").sample() }
    }

    @Test func fdsAndCPUAreSane() async throws {
        let expected = Double(try proc("/proc/sys/fs/file-nr").split(whereSeparator: \.isWhitespace)[0])!
        let fds = try await HostSource("fds").sample().values[0]
        #expect(abs(fds - expected) < max(200, expected * 0.2))
        let cpu = HostSource("cpu")
        for _ in 0..<2 {
            let v = try await cpu.sample().values[0]
            #expect(v >= 0 && v <= 100)
        }
    }
}
