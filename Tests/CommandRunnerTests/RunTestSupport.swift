import Foundation
import IncidentKit
import RunbookKit

/// A temporary store folder, removed when the value goes away.
final class RunnerTempStore {
    let directory: URL
    var location: StoreLocation { StoreLocation(directory: directory) }

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-runner-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// A bash script as a prepared run.
func bashRun(
    _ script: String, id: Int = 7, title: String? = "Test command", risk: Risk = .read,
    values: [String: String] = [:], secrets: Set<String> = [], environment: [String: String] = [:],
    workingDirectory: String? = nil, input: String? = nil, timeout: Double? = nil,
    silentAfter: Double = 60
) -> PreparedRun {
    PreparedRun(
        commandId: id, title: title, language: "bash", text: script, runnerName: "bash",
        executable: "/bin/bash", arguments: ["-c", script], input: input, environment: environment,
        workingDirectory: workingDirectory, values: values, secretNames: secrets, risk: risk,
        riskReason: risk == .read ? "" : "changes things", confirmationWord: nil, interactive: false,
        timeout: timeout, silentAfter: silentAfter)
}

/// Alive and not a zombie (a reparented child nobody reaps stays a zombie in some containers).
func isAlive(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return true }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
}

/// Polls `condition` until it holds or `seconds` pass (sleeping, not blocking: the runs need
/// the concurrency pool's threads).
func eventually(_ seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
