import RunbookKit

/// A checklist or procedure of one of the open runbooks: what the checklist pane shows.
public struct ListChoice: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case checklist(Int)
        case procedure(Int)
    }

    /// Index into `AppState.runbooks`.
    public var runbook: Int
    public var source: Source

    public init(runbook: Int, source: Source) {
        self.runbook = runbook
        self.source = source
    }

    /// Every checklist then every procedure of each runbook, in runbook order.
    public static func all(in runbooks: [Runbook]) -> [ListChoice] {
        runbooks.indices.flatMap { r in
            runbooks[r].checklists.indices.map { ListChoice(runbook: r, source: .checklist($0)) }
                + runbooks[r].procedures.indices.map { ListChoice(runbook: r, source: .procedure($0)) }
        }
    }

    /// The list as a checklist. A procedure's steps become items titled `Procedure: TITLE`, so
    /// their tick and skip events carry a key that cannot clash with a checklist's.
    public func checklist(in runbooks: [Runbook]) -> Checklist? {
        guard runbook < runbooks.count else { return nil }
        let book = runbooks[runbook]
        switch source {
        case .checklist(let i):
            return i < book.checklists.count ? book.checklists[i] : nil
        case .procedure(let i):
            guard i < book.procedures.count else { return nil }
            let p = book.procedures[i]
            return Checklist(
                title: "Procedure: " + p.title, kind: .other, section: p.section, line: p.line,
                items: p.steps.map {
                    ChecklistItem(
                        text: $0.text, phase: $0.phase, commands: $0.commands,
                        line: $0.line)
                })
        }
    }

    /// `Title  (checklist, incident) · Runbook` for the chooser.
    public func label(in runbooks: [Runbook]) -> String {
        guard runbook < runbooks.count else { return "?" }
        let book = runbooks[runbook]
        let what: String
        switch source {
        case .checklist(let i):
            guard i < book.checklists.count else { return "?" }
            what = "\(book.checklists[i].title)  (checklist, \(book.checklists[i].kind.rawValue))"
        case .procedure(let i):
            guard i < book.procedures.count else { return "?" }
            what = "\(book.procedures[i].title)  (procedure, \(book.procedures[i].steps.count) steps)"
        }
        return runbooks.count > 1 ? what + " · " + book.title : what
    }

    /// The procedure whose title is the incident's title, or contained in it ("Checkout: API
    /// completely down" → `API Completely Down`); nil when none or the title is too short to tell.
    public static func procedure(matching title: String, in runbooks: [Runbook]) -> ListChoice? {
        let wanted = title.lowercased()
        guard wanted.count >= 4 else { return nil }
        for (r, book) in runbooks.enumerated() {
            if let i = book.procedures.firstIndex(where: { p in
                let t = p.title.lowercased()
                return t.count >= 4 && (t == wanted || wanted.contains(t))
            }) {
                return ListChoice(runbook: r, source: .procedure(i))
            }
        }
        return nil
    }

    /// The first runbook's procedure when it has only one of several steps ("## Steps" and a
    /// numbered list): a runbook without a checklist or levels still has a walk-through.
    public static func onlyProcedure(in runbooks: [Runbook]) -> ListChoice? {
        guard let book = runbooks.first else { return nil }
        let walkable = book.procedures.indices.filter { book.procedures[$0].steps.count >= 2 }
        return walkable.count == 1 ? ListChoice(runbook: 0, source: .procedure(walkable[0])) : nil
    }

    /// The procedure a severity level links to (`SeverityLevel.procedure`), by title, in any runbook.
    public static func procedure(named name: String, in runbooks: [Runbook]) -> ListChoice? {
        let wanted = name.lowercased()
        for (r, book) in runbooks.enumerated() {
            if let i = book.procedures.firstIndex(where: { $0.title.lowercased() == wanted })
                ?? book.procedures.firstIndex(where: { $0.title.lowercased().contains(wanted) })
            {
                return ListChoice(runbook: r, source: .procedure(i))
            }
        }
        return nil
    }
}
