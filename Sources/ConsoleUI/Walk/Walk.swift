import RunbookKit

/// A walk-through that is not an incident (a deployment, maintenance or security checklist):
/// recorded in the same journal (`WalkRecord`), shown without SLA, update or escalation clocks.
public enum Walk {
    public static let severity = WalkRecord.severity
    public static let titlePrefix = WalkRecord.titlePrefix

    public static func title(for list: Checklist) -> String { titlePrefix + list.title }

    /// The list a walk follows, by the title it was recorded with.
    public static func list(titled title: String, in runbooks: [Runbook]) -> ListChoice? {
        guard title.hasPrefix(titlePrefix) else { return nil }
        let name = String(title.dropFirst(titlePrefix.count))
        return ListChoice.all(in: runbooks).first { $0.checklist(in: runbooks)?.title == name }
    }

    /// `--checklist NAME` (any case, a part of the title will do); without a name the first
    /// deployment, maintenance or security checklist, else the first list of any kind.
    public static func choose(_ name: String?, in runbooks: [Runbook]) -> ListChoice? {
        let all = ListChoice.all(in: runbooks)
        guard let name else {
            let walkable: Set<Checklist.Kind> = [.deployment, .maintenance, .security]
            return all.first { walkable.contains($0.checklist(in: runbooks)?.kind ?? .other) } ?? all.first
        }
        let wanted = name.lowercased()
        let titles = all.map { $0.checklist(in: runbooks)?.title.lowercased() ?? "" }
        if let exact = titles.firstIndex(where: { $0 == wanted || $0 == "procedure: " + wanted }) { return all[exact] }
        return titles.firstIndex { $0.contains(wanted) }.map { all[$0] }
    }
}

extension AppState {
    /// A walk-through, not an incident: no SLA, no update or escalation clocks.
    public var isWalk: Bool { incident.severity == Walk.severity }
}
