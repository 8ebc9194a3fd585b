import Foundation
import RunbookKit

/// Reads a 50 MB runbook (the shared runbooks repeated) in a child process, so its peak memory is
/// its own, and prints the time and peak RSS beside a 5 MB read measured the same way in the same
/// run: the ratio shows whether reading grows faster than the input. Aim: 50 MB under 20 s and
/// under 1 GB.
enum BigRunbookBench {
    static func run() {
        var figures: [(megabytes: Int, seconds: Double, peakMB: Double)] = []
        for size in [5, 50] {
            guard let (seconds, peak) = child(megabytes: size) else {
                print("bigrunbook: the \(size) MB child failed")
                return
            }
            figures.append((size, seconds, peak))
        }
        let (small, big) = (figures[0], figures[1])
        print("bigrunbook: the shared runbooks repeated, read in a child process")
        for f in figures {
            print(
                String(
                    format: "  %3d MB  %7.2f s  %6.2f MB/s  peak %6.0f MB", f.megabytes, f.seconds,
                    Double(f.megabytes) / f.seconds, f.peakMB))
        }
        print(
            String(
                format: "  50 MB / 5 MB: time %.1fx, memory %.1fx (10x is linear); aim: < 20 s, < 1024 MB",
                big.seconds / small.seconds, big.peakMB / small.peakMB))
    }

    /// Runs `warroom-bench bigrunbook-child N` and reads its two numbers.
    static func child(megabytes: Int) -> (Double, Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["bigrunbook-child", String(megabytes)]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let words = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap {
            Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return words.count == 2 ? (words[0], words[1]) : nil
    }

    /// In the child: build the input, read it once, print "seconds peakMB".
    static func childMain(megabytes: Int) {
        var (bytes, _) = RunbookBench.input()
        let unit = bytes
        while bytes.count < megabytes * 1_000_000 { bytes += unit }
        let start = DispatchTime.now().uptimeNanoseconds
        let runbook = RunbookReader.parse(bytes: bytes, source: "big.md")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "%.3f %.1f", seconds, Double(usage.ru_maxrss) / 1024), terminator: "")
        _ = runbook.commands.count
    }
}
