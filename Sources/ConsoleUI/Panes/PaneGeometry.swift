/// Where each pane and its rows are on screen: shared by the view (to draw) and by `update`
/// (to map a mouse click to a pane and row), so the two always agree.
enum PaneGeometry {
    /// The rect of each pane drawn: the layout's, or the whole body for a zoomed pane.
    static func panes(_ state: AppState) -> [PaneID: Rect] {
        let layout = ScreenLayout.compute(width: state.width, height: state.height, activePane: state.focus)
        guard state.zoomed, layout.mode == .full else { return layout.panes }
        return [
            state.focus: Rect(
                x: 0, y: layout.header.maxY, width: state.width,
                height: layout.footer.y - layout.header.maxY)
        ]
    }

    /// The lines of a pane, as drawn (formatted only when asked for).
    static func lines(_ pane: PaneID, _ state: AppState) -> PaneLines {
        switch pane {
        case .checklist: AppView.checklistLines(state)
        case .metrics: AppView.metricLines(state)
        case .commands: state.runsShown ? PaneLines(rows: AppView.runRows(state)) : AppView.commandLines(state)
        case .timeline: AppView.timelineLines(state)
        }
    }

    /// Lines of code shown under the commands list, or of the selected run's latest output
    /// under the runs list (none on a short pane).
    static func codeHeight(_ inner: Rect, _ state: AppState) -> Int {
        if state.runsShown {
            // The list takes what it needs, up to two thirds; the tail the rest, if that is worth it.
            guard state.selectedRun != nil else { return 0 }
            let tail = inner.height - 1 - min(state.runs.count, inner.height * 2 / 3)
            return tail >= 3 ? tail : 0
        }
        guard let index = state.selectedIndex(.commands) else { return 0 }
        let lines = state.commands[index].code.split(separator: "\n", omittingEmptySubsequences: false).count
        return inner.height >= 8 ? min(lines, inner.height / 3) : 0
    }

    /// The part of a pane's inner rect its rows use (the commands list stops above the code).
    static func listRect(_ pane: PaneID, inner: Rect, _ state: AppState) -> Rect {
        guard pane == .commands else { return inner }
        let code = codeHeight(inner, state)
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - (code > 0 ? code + 1 : 0))
    }

    /// The first row drawn: rows scroll so the selected one shows.
    static func offset(_ lines: PaneLines, selected: Int, height: Int) -> Int {
        let selectedRow = lines.line(ofItem: selected) ?? 0
        return selectedRow < height ? 0 : selectedRow - height + 1
    }

    /// The pane under a screen cell and, when the cell is on a selectable row, that row's index.
    static func hit(x: Int, y: Int, _ state: AppState) -> (pane: PaneID, row: Int?)? {
        let layout = ScreenLayout.compute(width: state.width, height: state.height, activePane: state.focus)
        if layout.mode == .tabbed, layout.tabBar.contains(x: x, y: y) {
            // Tabs as `drawTabs` writes them: " title " and a space after each.
            var left = layout.tabBar.x
            for pane in PaneID.allCases {
                let right = left + DisplayWidth.of(" \(AppView.paneTitle(pane, state)) ")
                if x >= left, x < right { return (pane, nil) }
                left = right + 1
            }
            return nil
        }
        let panes = panes(state)
        guard let pane = PaneID.allCases.first(where: { panes[$0]?.contains(x: x, y: y) ?? false }),
            let rect = panes[pane]
        else { return nil }
        let list = listRect(pane, inner: rect.inset(by: 1), state)
        guard list.contains(x: x, y: y) else { return (pane, nil) }
        let lines = lines(pane, state)
        let selected = pane == .commands && state.runsShown ? state.runSelection : state.selected(pane)
        let line = offset(lines, selected: selected, height: list.height) + y - list.y
        return (pane, line < lines.count ? lines.row(line).item : nil)
    }
}
