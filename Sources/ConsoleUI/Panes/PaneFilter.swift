import Foundation

/// Which rows of a pane pass its `/` filter (and, in the timeline, the `:filter KIND`).
/// Selections index the visible rows; these map them back to the pane's items.
/// `AppState` keeps the result in a `FilterIndex`; `visible` computes it afresh.
public enum PaneFilter {
    /// The kinds present in the timeline, sorted, for `:filter` completion.
    public static func kinds(in events: [ConsoleEvent]) -> [String] {
        Array(Set(events.map(\.kind))).sorted()
    }

    static func matches(_ text: String, _ query: String) -> Bool {
        query.isEmpty || text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Indices of the pane's items that pass, computed from scratch; nil when nothing filters the pane (all pass).
    static func visible(_ pane: PaneID, _ state: AppState) -> [Int]? {
        let query = state.filters[pane] ?? ""
        guard !query.isEmpty || (pane == .timeline && state.timelineKind != nil) else { return nil }
        return matching(pane, state, in: 0..<itemCount(pane, state))
    }

    /// How many items the pane has before filtering.
    static func itemCount(_ pane: PaneID, _ state: AppState) -> Int {
        switch pane {
        case .checklist: state.checklist?.items.count ?? 0
        case .metrics: state.metrics.count
        case .commands: state.commands.count
        case .timeline: state.timeline.count
        }
    }

    /// The indices in `range` of the pane's items that pass its filters.
    static func matching(_ pane: PaneID, _ state: AppState, in range: Range<Int>) -> [Int] {
        let query = state.filters[pane] ?? ""
        switch pane {
        case .checklist:
            guard let items = state.checklist?.items else { return [] }
            return range.filter { matches(items[$0].text, query) }
        case .commands:
            let commands = state.commands
            return range.filter {
                let c = commands[$0]
                return matches((c.title ?? "") + "\n" + c.code + "\n" + c.section, query)
            }
        case .timeline:
            let kind = state.timelineKind
            let events = state.timeline
            return range.filter {
                let e = events[$0]
                return (kind.map { e.kind.hasPrefix($0) } ?? true)
                    && matches(e.author + " " + e.kind + " " + e.text, query)
            }
        case .metrics:
            let metrics = state.metrics
            return range.filter { matches(metrics[$0].name, query) }
        }
    }
}
