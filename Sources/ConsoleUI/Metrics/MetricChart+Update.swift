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
        case .up: next = first.map { max($0 - 1, 0) }
        case .down: next = first.map { min($0 + 1, last) }
        case .pageUp: next = first.map { max($0 - page, 0) }
        case .pageDown: next = first.map { min($0 + page, last) }
        default: return
        }
        state.overlays[state.overlays.count - 1] = .metricChart(name, series: next)
    }
}
