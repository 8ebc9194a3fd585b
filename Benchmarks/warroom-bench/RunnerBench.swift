import CommandRunner
import Foundation
import IncidentKit
import RunbookKit

/// Ingest rate of the command runner (sanitizer + ring + redacted output file, recorded in a
/// journal) for a command writing as fast as it can, beside the same command piped into
/// `cat > /dev/null` and a detached tmux session ingesting the same output, in the same run; and
/// the process's peak RSS while it streams.
enum RunnerBench {
    static let bytes = 200_000_000

    static func run() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-runner-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("log.txt")
        writeLogFile(file)
        let journal = try! SQLiteJournal(location: StoreLocation(directory: folder.appendingPathComponent("store")))
        let incident = try! journal.openIncident(title: "bench", severity: "SEV3", author: "bench").id
        let board = RunBoard(journal: journal, incident: incident, author: "bench", redactor: journal.storedRedactor)

        parts(file)
        let sources = [("yes", "yes | head -c \(bytes)"), ("200 MB log file", "cat '\(file.path)'")]
        for (name, command) in sources {
            let catSeconds = timeShell("\(command) | cat > /dev/null")
            let (runSeconds, peakRSS, state) = timeRun(board, command)
            let tmuxSeconds = timeTmux(command)
            let mb = Double(bytes) / 1e6
            print(
                String(
                    format:
                        "runner: %@: runner %.0f MB/s, cat %.0f MB/s (%.2f of cat), tmux %@ (runner %@ tmux's); peak RSS %.0f MB; %@",
                    name, mb / runSeconds, mb / catSeconds, catSeconds / runSeconds,
                    tmuxSeconds.map { String(format: "%.0f MB/s", mb / $0) } ?? "not installed",
                    tmuxSeconds.map { String(format: "%.1f×", $0 / runSeconds) } ?? "—",
                    Double(peakRSS) / 1e6, "\(state)"))
        }
    }

    /// Where the time goes: each stage alone over the first 64 MB of the file, in memory.
    static func parts(_ file: URL) {
        let data = [UInt8](try! Data(contentsOf: file).prefix(64 << 20))
        let yes: [UInt8] = (0..<data.count).map { $0 % 2 == 0 ? 0x79 : 0x0A }
        for (name, bytes) in [("yes", yes), ("log", data)] {
            var sanitizer = OutputSanitizer()
            let ring = OutputRing()
            let scanner = TriggerScanner(Redactor.standard)
            var sanitize = 0.0, store = 0.0, scan = 0.0
            var hits = 0
            bytes.withUnsafeBufferPointer { all in
                var offset = 0
                while offset < all.count {
                    let block = UnsafeBufferPointer(rebasing: all[offset..<min(all.count, offset + (1 << 20))])
                    var t = Date()
                    sanitizer.feed(block)
                    sanitize += Date().timeIntervalSince(t)
                    sanitizer.consumeBatch { batch in
                        t = Date()
                        ring.append(batch)
                        store += Date().timeIntervalSince(t)
                        t = Date()
                        batch.text.withUnsafeBufferPointer { text in
                            var at = 0
                            while let hit = scanner.next(in: text, from: at) { hits += 1; at = hit + 1 }
                        }
                        scan += Date().timeIntervalSince(t)
                    }
                    offset += block.count
                }
            }
            let mb = Double(bytes.count) / 1e6
            print(
                String(
                    format:
                        "runner parts (%@, in memory): sanitizer %.0f MB/s, ring %.0f MB/s, trigger scan %.0f MB/s (%d hits)",
                    name, mb / sanitize, mb / store, mb / scan, hits))
        }
    }

    /// 200 MB of log lines, some with colour, like a busy service's log.
    static func writeLogFile(_ url: URL) {
        var block = ""
        var i = 0
        while block.utf8.count < 1 << 20 {
            let level = i % 10 == 0 ? "\u{1B}[31mERROR\u{1B}[0m" : "\u{1B}[32mINFO\u{1B}[0m"
            block +=
                "2026-11-23T05:\(10 + i % 50):\(10 + i % 49).\(100 + i % 900)Z \(level) checkout-7d9f\(i % 7) "
                + "GET /api/cart/\(i) status=200 latency_ms=\(i % 500) bytes=\(i * 13 % 9000)\n"
            i += 1
        }
        let data = Data(block.utf8)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try! FileHandle(forWritingTo: url)
        var written = 0
        while written < bytes {
            let piece = data.prefix(bytes - written)
            handle.write(piece)
            written += piece.count
        }
        try? handle.close()
    }

    static func timeShell(_ command: String) -> Double {
        let start = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        try! process.run()
        process.waitUntilExit()
        return Date().timeIntervalSince(start)
    }

    /// Seconds until the run has ended and is recorded, and the peak resident size meanwhile.
    static func timeRun(_ board: RunBoard, _ command: String) -> (Double, Int, RunState) {
        let prepared = PreparedRun(
            commandId: 1, title: "bench", language: "bash", text: command, runnerName: "bash", executable: "/bin/bash",
            arguments: ["-c", command], input: nil, environment: [:], workingDirectory: nil, values: [:],
            secretNames: [], risk: .read, riskReason: "", confirmationWord: nil, interactive: false, timeout: nil,
            silentAfter: 60)
        let start = Date()
        let run = try! board.start(prepared)
        var peak = residentBytes()
        while run.snapshot().isActive || run.snapshot().finished == nil {
            peak = max(peak, residentBytes())
            usleep(10_000)
        }
        return (Date().timeIntervalSince(start), peak, run.snapshot().state)
    }

    /// Seconds a detached tmux session takes to run `command` (it ingests the output as a
    /// terminal would); nil when tmux is not installed.
    static func timeTmux(_ command: String) -> Double? {
        guard
            ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
                .contains(where: FileManager.default.isExecutableFile(atPath:))
        else { return nil }
        let socket = "warroom-bench-\(getpid())"
        let start = Date()
        _ = timeShell("tmux -L \(socket) -f /dev/null new-session -d -s bench -x 200 -y 50 \"\(command)\"")
        while shellSucceeds("tmux -L \(socket) has-session -t bench 2>/dev/null") { usleep(50_000) }
        let seconds = Date().timeIntervalSince(start)
        _ = shellSucceeds("tmux -L \(socket) kill-server 2>/dev/null")
        return seconds
    }

    static func shellSucceeds(_ command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        try! process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// VmRSS from /proc/self/status (0 where there is none).
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return kb * 1024
    }
}
