extension AppUpdate {
    /// Keys on the metric chart: close it, show or hide its series list, scroll the list.
    static func chart(_ action: Action?, _ state: inout AppState) {
        guard case .metricChart(let name, let first) = state.overlays.last else { return }
        let count = state.metricReadings[name]?.series.count ?? 0
        let page = max(AppView.seriesListRows(state, count: count), 1)
        let last = max(count - page, 0)
        var next = first
        switch action {
        case .close:
            state.overlays.removeLast()
            return
        case .seriesList: next = first == nil ? 0 : nil
        // The list scrolls by its first shown row, which goes from 0 to `last`.
        case .up: next = first.map { scrolled($0, by: -1, last: last) }
        case .down: next = first.map { scrolled($0, by: 1, last: last) }
        case .pageUp: next = first.map { scrolled($0, by: -page, last: last) }
        case .pageDown: next = first.map { scrolled($0, by: page, last: last) }
        default: return
        }
        state.overlays[state.overlays.count - 1] = .metricChart(name, series: next)
    }

    private static func scrolled(_ first: Int, by rows: Int, last: Int) -> Int {
        var cursor = ListCursor(first)
        cursor.move(by: rows, count: last + 1)
        return cursor.index
    }
}
