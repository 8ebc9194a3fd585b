import Foundation

/// The process groups of runs in progress, one small file each in `<store>/running/`, so that a
/// console killed with SIGKILL (which can run no code) does not leave its runs' processes going
/// for ever: the next console to open the incident kills the group of each orphaned run
/// (`Journal.reconcileOrphanedRuns`). Linux's `PR_SET_PDEATHSIG` cannot be used: swift-subprocess
/// spawns with no hook in the child, and the signal would follow the spawning *thread*, which a
/// concurrency pool may end at any time.
///
/// A group id is only trusted with the start time of its leader (`/proc/<pid>/stat`, field 22):
/// a pid reused by an unrelated process is never signalled.
public enum RunningGroups {
    static func url(_ location: StoreLocation, incident: String, event: Int64) -> URL {
        location.directory.appendingPathComponent("running").appendingPathComponent("\(incident)-\(event).pgid")
    }

    /// Notes that the run of `event` leads process group `group`. Best effort.
    public static func note(_ location: StoreLocation, incident: String, event: Int64, group: Int32) {
        guard let start = startTime(of: group) else { return }
        let folder = location.directory.appendingPathComponent("running")
        try? PrivateFiles.makeDirectory(folder)
        try? PrivateFiles.write(Data("\(group) \(start)\n".utf8), to: url(location, incident: incident, event: event))
    }

    /// The run ended and is recorded: its group is no one's business any more.
    public static func forget(_ location: StoreLocation, incident: String, event: Int64) {
        unlink(url(location, incident: incident, event: event).path)
    }

    /// Kills the group noted for `event` when its leader is still the process that was noted.
    /// Returns the group killed, if any; the note is removed either way.
    static func killOrphan(_ location: StoreLocation, incident: String, event: Int64) -> Int32? {
        let file = url(location, incident: incident, event: event)
        defer { unlink(file.path) }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let group = Int32(parts[0]), group > 1, let start = UInt64(parts[1]),
            startTime(of: group) == start
        else { return nil }
        return kill(-group, SIGKILL) == 0 ? group : nil
    }

    /// The start time of process `pid` in clock ticks since boot (Linux); nil when it is gone.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, start time field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
