import Foundation

/// Which rows of a pane pass its `/` filter (and, in the timeline, the `:filter KIND`).
/// Selections index the visible rows; these map them back to the pane's items.
public enum PaneFilter {
    /// The kinds present in the timeline, sorted, for `:filter` completion.
    public static func kinds(in events: [ConsoleEvent]) -> [String] {
        Array(Set(events.map(\.kind))).sorted()
    }

    static func matches(_ text: String, _ query: String) -> Bool {
        query.isEmpty || text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Indices of the pane's items that pass; nil when nothing filters the pane (all pass).
    static func visible(_ pane: PaneID, _ state: AppState) -> [Int]? {
        let query = state.filters[pane] ?? ""
        switch pane {
        case .checklist:
            guard !query.isEmpty else { return nil }
            return state.items.indices.filter { matches(state.items[$0].text, query) }
        case .commands:
            guard !query.isEmpty else { return nil }
            return state.commands.indices.filter {
                let c = state.commands[$0]
                return matches((c.title ?? "") + "\n" + c.code + "\n" + c.section, query)
            }
        case .timeline:
            let kind = state.timelineKind
            guard !query.isEmpty || kind != nil else { return nil }
            return state.timeline.indices.filter {
                let e = state.timeline[$0]
                return (kind.map { e.kind.hasPrefix($0) } ?? true) && matches(e.author + " " + e.kind + " " + e.text, query)
            }
        case .metrics:
            guard !query.isEmpty else { return nil }
            return state.metrics.indices.filter { matches(state.metrics[$0].name, query) }
        }
    }
}
