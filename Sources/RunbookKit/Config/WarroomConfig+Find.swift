import Foundation

extension WarroomConfig {
    /// The configuration a command uses: `explicit` (`--config FILE`, reported when unreadable),
    /// else `warroom.yaml` beside `runbook` when there is one; nil when neither.
    public static func find(explicit: String?, besideRunbook runbook: String?) -> WarroomConfig? {
        if let explicit { return load(file: explicit) }
        guard let runbook else { return nil }
        let beside = URL(fileURLWithPath: runbook).deletingLastPathComponent().appendingPathComponent("warroom.yaml")
            .path
        return FileManager.default.fileExists(atPath: beside) ? load(file: beside) : nil
    }
}
