import Foundation
import WarroomTestSupport
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The console as a user meets it, through a real pseudo-terminal (120×40): launch to the
/// first complete frame (the footer's last hint written) for `warroom demo`, launched in turn
/// with tig (the baseline), and for a ~1 MB runbook with a 10,000-event incident (and until that
/// runbook is on screen); keypress-to-redraw latency (j/k, median of 50); bytes written per second
/// while idle. Baselines in the same run: spawning `true` (to its exit), `tput clear` (to its
/// first byte) and tig (to its first frame) through the same harness. Needs the `warroom` binary
/// built next to this one (`swift build -c release --product warroom`).
enum ConsoleBench {
    static let footerText = "quit"
    static let firstFrameLaunches = 11

    static func run() {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let warroom = folder.appendingPathComponent("warroom").path
        guard FileManager.default.isExecutableFile(atPath: warroom) else {
            print("console: skipped (no warroom binary beside \(CommandLine.arguments[0]); build the warroom product)")
            return
        }
        guard let probe = PseudoTerminal.start("/bin/true", []) else {
            print("console: skipped (no pseudo-terminal support here)")
            return
        }
        probe.finish(quit: nil)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-console-bench-\(getpid())")
            .path
        defer { try? FileManager.default.removeItem(atPath: store) }

        let spawnTrue = median((0..<10).map { _ in timeToExit("/bin/true", []) })
        let tput = ["/usr/bin/tput", "/bin/tput"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let spawnTput = tput.map { t in median((0..<10).map { _ in timeToOutput(t, ["clear"]) }) }
        print("console: through a pty, 120x40 (ms)")
        print(
            String(format: "  baseline: spawn true to exit %.1f ms", spawnTrue * 1000)
                + (spawnTput.map { String(format: "; tput clear to first byte %.1f ms", $0 * 1000) } ?? ""))

        // tig and warroom demo launched in turn, 11 times each: a burst of load on this shared
        // machine then falls on both sides of the ratio, not on one (each demo on a new store).
        let tig = tigLauncher(in: store + "/tig-repo")
        var tigFirsts: [Double] = [], firsts: [Double] = []
        for launch in 0..<firstFrameLaunches {
            if let tig, let time = tig() { tigFirsts.append(time) }
            if let pty = PseudoTerminal.start(warroom, ["demo", "--store", store + "/first-\(launch)"]) {
                var output: [UInt8] = []
                if let time = pty.wait(for: footerText, timeout: 20, output: &output) { firsts.append(time) }
                pty.finish(quit: "q")
            }
        }
        let tigFirst = tigFirsts.isEmpty ? nil : median(tigFirsts)
        print(
            tigFirst.map {
                String(
                    format: "  baseline: tig launch to first frame %.1f ms (median of %d)", $0 * 1000, tigFirsts.count)
            } ?? "  baseline: tig not installed (apt-get install tig), no first-frame baseline")
        let first = firsts.isEmpty ? nil : median(firsts)
        let demoStore = store + "/demo"
        guard let demo = PseudoTerminal.start(warroom, ["demo", "--store", demoStore]) else { return }
        var output: [UInt8] = []
        let shown = demo.wait(for: footerText, timeout: 20, output: &output)
        print(
            first.map {
                String(
                    format: "  demo: launch to first frame %.1f ms (median of %d; %d bytes)", $0 * 1000, firsts.count,
                    output.count)
            } ?? "  demo: no frame within 20 s")
        if let first, let tigFirst {
            print(String(format: "  demo first frame / tig first frame: %.2fx (aim: 1x or less)", first / tigFirst))
        }
        if shown != nil {
            _ = demo.read(timeout: 0.3)
            let latencies = (0..<50).compactMap { i -> Double? in keyLatency(demo, i % 2 == 0 ? "j" : "k") }
            print(
                String(
                    format: "  demo: keypress to redraw, median of %d: %.2f ms (min %.2f, max %.2f)",
                    latencies.count, median(latencies) * 1000, (latencies.min() ?? 0) * 1000,
                    (latencies.max() ?? 0) * 1000))
            let idle = idleBytes(demo, seconds: 5)
            print(String(format: "  demo: idle output %.0f bytes/s over 5 s (the clocks tick each second)", idle))
        }
        demo.finish()

        // A ~1 MB runbook and a 10,000-event incident.
        guard let (runbook, size) = bigRunbook(folder: folder, into: store) else {
            print("  big runbook: skipped (no runbooks found)")
            return
        }
        let bigStore = store + "/big"
        _ = runToExit(warroom, ["incident", "open", "--title", "bench", "--runbook", runbook, "--store", bigStore])
        let appendStart = Date()
        _ = runToExit(warroom, ["debug", "append", "--count", "10000", "--store", bigStore])
        print(String(format: "  10,000 events appended in %.1f s", Date().timeIntervalSince(appendStart)))
        guard let big = PseudoTerminal.start(warroom, ["open", runbook, "--store", bigStore]) else { return }
        output = []
        let bigFirst = big.wait(for: footerText, timeout: 60, output: &output)
        print(
            bigFirst.map {
                String(
                    format: "  %d KB runbook + 10,000 events: launch to first frame %.1f ms",
                    size / 1024, $0 * 1000)
            }
                ?? "  big runbook: no frame within 60 s")
        if let bigFirst {
            // `open` on an existing incident reads the runbook behind its first frame: when the
            // checklist's count shows, the runbook is on screen.
            var later: [UInt8] = []
            let inFirst = String(decoding: output, as: UTF8.self).contains("Checklist 0/")
            let shown = inFirst ? 0 : big.wait(for: "0/", timeout: 60, output: &later)
            print(
                shown.map { String(format: "  big: runbook on screen %.1f ms after launch", ($0 + bigFirst) * 1000) }
                    ?? "  big: runbook not on screen within 60 s")
            _ = big.read(timeout: 0.3)
            let latencies = (0..<50).compactMap { i -> Double? in keyLatency(big, i % 2 == 0 ? "j" : "k") }
            print(
                String(
                    format: "  big: keypress to redraw, median of %d: %.2f ms", latencies.count,
                    median(latencies) * 1000))
        }
        big.finish()
    }

    /// tig on a one-commit repository: a launch, timed to its main view showing the commit.
    static func tigLauncher(in repo: String) -> (() -> Double?)? {
        guard
            let tig = ["/usr/bin/tig", "/usr/local/bin/tig"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            }),
            let git = ["/usr/bin/git", "/usr/local/bin/git"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        try? FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try? "bench\n".write(toFile: repo + "/README", atomically: true, encoding: .utf8)
        let identity = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
        for arguments in [["init", "-q"], ["add", "README"], identity + ["commit", "-q", "-m", "warroom bench commit"]]
        {
            guard runToExit(git, ["-C", repo] + arguments) else { return nil }
        }
        return {
            guard let pty = PseudoTerminal.start(tig, ["-C", repo]) else { return nil }
            var output: [UInt8] = []
            let first = pty.wait(for: "warroom bench commit", timeout: 10, output: &output)
            pty.finish(quit: "q")
            return first
        }
    }

    /// Sends a key once the terminal has been quiet, returns the time to the first output byte.
    static func keyLatency(_ pty: PseudoTerminal, _ key: String) -> Double? {
        drain(pty)
        let start = Date()
        pty.write(key)
        let bytes = pty.read(timeout: 1)
        guard !bytes.isEmpty else { return nil }
        let elapsed = Date().timeIntervalSince(start)
        drain(pty)
        return elapsed
    }

    /// Reads until the terminal has been quiet for 30 ms (a frame can come in several writes).
    static func drain(_ pty: PseudoTerminal) {
        while !pty.read(timeout: 0.03).isEmpty {}
    }

    static func idleBytes(_ pty: PseudoTerminal, seconds: Double) -> Double {
        let start = Date()
        var total = 0
        while Date().timeIntervalSince(start) < seconds { total += pty.read(timeout: 0.1).count }
        return Double(total) / seconds
    }

    static func timeToExit(_ program: String, _ arguments: [String]) -> Double {
        let start = Date()
        guard let pty = PseudoTerminal.start(program, arguments) else { return .nan }
        while !pty.hasExited() { _ = pty.read(timeout: 0.001) }
        let elapsed = Date().timeIntervalSince(start)
        pty.finish(quit: nil)
        return elapsed
    }

    static func timeToOutput(_ program: String, _ arguments: [String]) -> Double {
        let start = Date()
        guard let pty = PseudoTerminal.start(program, arguments) else { return .nan }
        while pty.read(timeout: 0.001).isEmpty, Date().timeIntervalSince(start) < 5 {}
        let elapsed = Date().timeIntervalSince(start)
        pty.finish(quit: nil)
        return elapsed
    }

    /// Runs a command on a pty to its exit (its output is discarded).
    static func runToExit(_ program: String, _ arguments: [String]) -> Bool {
        guard let pty = PseudoTerminal.start(program, arguments) else { return false }
        while !pty.hasExited() { _ = pty.read(timeout: 0.05) }
        pty.finish(quit: nil)
        return true
    }

    /// `../shared/runbooks/*.md` (else the examples) repeated to about 1 MB, looked for from the
    /// current directory, then from the binary's folder up.
    static func bigRunbook(folder: URL, into store: String) -> (String, Int)? {
        var sources: [String] = []
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), folder]
        for start in starts where sources.isEmpty {
            sources = runbookFiles(from: start)
        }
        return write(sources, into: store)
    }

    static func runbookFiles(from start: URL) -> [String] {
        var directory = start
        var sources: [String] = []
        for _ in 0..<6 {
            for candidate in ["../shared/runbooks", "examples"] {
                let path = directory.appendingPathComponent(candidate).standardizedFileURL.path
                let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { $0.hasSuffix(".md") }.sorted().map { path + "/" + $0 }
                if !files.isEmpty, sources.isEmpty { sources = files }
            }
            if !sources.isEmpty { break }
            directory = directory.deletingLastPathComponent()
        }
        return sources
    }

    static func write(_ sources: [String], into store: String) -> (String, Int)? {
        let texts = sources.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        guard !texts.isEmpty, texts.contains(where: { !$0.isEmpty }) else { return nil }
        var text = ""
        while text.utf8.count < 1_000_000 { for t in texts { text += t + "\n\n" } }
        try? FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let path = store + "/big-runbook.md"
        guard (try? text.write(toFile: path, atomically: true, encoding: .utf8)) != nil else { return nil }
        return (path, text.utf8.count)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }
}
