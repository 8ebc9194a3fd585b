/// The item indices each pane's filter lets through, kept in `AppState` and refreshed when what
/// they depend on changes (the filter text, `:filter KIND`, the timeline, the shown list, the
/// runbooks), so moving and drawing never re-filter every row on each key. Events appended to
/// the timeline are filtered on their own; anything else re-filters the pane once.
struct FilterIndex: Sendable, Equatable {
    /// What one pane's indices were computed for, and the indices.
    struct Entry: Sendable, Equatable {
        var query: String
        var kind: String?
        var list: ListChoice?
        /// Timeline: the events already scanned and the last one's id (appends are scanned alone).
        var scanned: Int
        var lastID: Int64
        var indices: [Int]
    }

    private(set) var entries: [PaneID: Entry] = [:]

    /// The indices shown in `pane`; nil when nothing filters it.
    func visible(_ pane: PaneID) -> [Int]? { entries[pane]?.indices }

    /// Brings `pane`'s entry up to date with `state`; `force` re-filters even when the key is unchanged.
    mutating func refresh(_ pane: PaneID, _ state: AppState, force: Bool = false) {
        let query = state.filters[pane] ?? ""
        let kind = pane == .timeline ? state.timelineKind : nil
        let list = pane == .checklist ? state.shownList : nil
        guard !query.isEmpty || kind != nil else {
            entries[pane] = nil
            return
        }
        if !force, let entry = entries[pane], entry.query == query, entry.kind == kind, entry.list == list {
            guard pane == .timeline else { return }
            let events = state.timeline
            // The events already scanned are where they were: only appends (if any) are new.
            if entry.scanned <= events.count, entry.scanned == 0 || events[entry.scanned - 1].id == entry.lastID {
                guard entry.scanned < events.count else { return }
                var grown = entries.removeValue(forKey: pane) ?? entry // the only reference: grows in place
                grown.indices += PaneFilter.matching(.timeline, state, in: entry.scanned..<events.count)
                grown.scanned = events.count
                grown.lastID = events.last?.id ?? 0
                entries[pane] = grown
                return
            }
        }
        let count = PaneFilter.itemCount(pane, state)
        entries[pane] = Entry(
            query: query, kind: kind, list: list, scanned: pane == .timeline ? count : 0,
            lastID: pane == .timeline ? state.timeline.last?.id ?? 0 : 0,
            indices: PaneFilter.matching(pane, state, in: 0..<count))
    }
}
