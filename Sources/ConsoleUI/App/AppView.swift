import Foundation
import RunbookKit

/// Draws the console: header, panes (grid, tabs or zoomed), footer, then the overlays.
/// Pure: the same state and palette always give the same canvas.
public enum AppView {
    public static func render(_ state: AppState, palette: ThemePalette) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        let layout = ScreenLayout.compute(width: state.width, height: state.height, activePane: state.focus)
        if layout.mode == .tooSmall {
            let message = "Terminal too small: need \(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height)"
            canvas.write(
                TextFit.truncate(message, toWidth: state.width), x: 0, y: max(0, state.height / 2),
                style: palette[.error])
            return canvas
        }
        drawHeader(&canvas, layout.header, state, palette)
        if layout.mode == .tabbed { drawTabs(&canvas, layout.tabBar, state, palette) }
        let panes = PaneGeometry.panes(state)
        for pane in PaneID.allCases {
            guard let rect = panes[pane] else { continue }
            drawPane(&canvas, pane, rect, state, palette)
        }
        let body = Rect(x: 0, y: layout.header.maxY, width: state.width, height: layout.footer.y - layout.header.maxY)
        if let index = state.guided { drawGuided(&canvas, body, index, state, palette) }
        drawFooter(&canvas, layout.footer, state, palette)
        for overlay in state.overlays { drawOverlay(&canvas, overlay, body, layout.footer, state, palette) }
        return canvas
    }

    // MARK: Header

    static func drawHeader(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, _ palette: ThemePalette) {
        canvas.fill(rect, style: palette[.header])
        let incident = state.incident
        let (sla, slaKey) = slaText(state)
        let elapsed = elapsedText(state)
        let clock = TimeText.clock(state.now) + " UTC"
        let commander = rolesText(state)
        let y = rect.y
        var x = canvas.write(" \(incident.id) ", x: rect.x, y: y, style: palette[.headerTitle], clip: rect)
        x = canvas.write(
            " " + severityBadge(state) + " ", x: x + 1, y: y, style: palette[severityKey(state)], clip: rect)
        x = canvas.write(" \(incident.status) ", x: x + 1, y: y, style: palette[.header], clip: rect)
        if state.journalWaiting > 0 {
            let events = state.journalWaiting == 1 ? "event" : "events"
            x = canvas.write(
                " offline: \(state.journalWaiting) \(events) waiting ", x: x + 1, y: y,
                style: palette[.metricCrit], clip: rect)
        }
        if state.firingCount > 0 {
            x = canvas.write(
                " 🔔 \(state.firingCount) firing (:alerts) ", x: x + 1, y: y, style: palette[.metricCrit], clip: rect)
        }
        let breached = state.metricReadings.values.filter(\.breached).count
        if breached > 0 {
            let symbol = Symbols.symbol(for: .metricCrit, ascii: state.asciiOnly) ?? ""
            x = canvas.write(
                " \(symbol) \(breached) breached ", x: x + 1, y: y, style: palette[.metricCrit], clip: rect)
        }
        if rect.height > 1 {
            canvas.write(incident.title, x: x + 1, y: y, style: palette[.headerTitle], clip: rect)
            var x2 = canvas.write(" " + elapsed + " ", x: rect.x, y: y + 1, style: palette[.header], clip: rect)
            x2 = canvas.write(" " + sla + " ", x: x2 + 1, y: y + 1, style: palette[slaKey], clip: rect)
            for (text, key) in [RoomClocks.updateText(state), RoomClocks.escalationText(state)].compactMap({ $0 }) {
                x2 = canvas.write(" " + text + " ", x: x2 + 1, y: y + 1, style: palette[key], clip: rect)
            }
            x2 = canvas.write(" " + clock + " ", x: x2 + 1, y: y + 1, style: palette[.header], clip: rect)
            canvas.write(" " + commander + " ", x: x2 + 1, y: y + 1, style: palette[.header], clip: rect)
        } else {
            // One row: the clocks first, the title gets what is left.
            x = canvas.write(" " + sla + " ", x: x, y: y, style: palette[slaKey], clip: rect)
            x = canvas.write(" " + elapsed + " " + clock + " ", x: x, y: y, style: palette[.header], clip: rect)
            canvas.write(incident.title, x: x + 1, y: y, style: palette[.headerTitle], clip: rect)
        }
    }

    /// `IC: alice · scribe bob · comms carol`: the commander first, then the other roles (`:roles`).
    static func rolesText(_ state: AppState) -> String {
        let others = state.roles.filter { $0.key != "commander" }
            .sorted { RoomPages.roleOrder($0.key) < RoomPages.roleOrder($1.key) }
            .map { "\($0.key) \($0.value)" }
        return (["IC: " + (state.incident.commander ?? "—")] + others).joined(separator: " · ")
    }

    /// `⚑ SEV2 Degraded`: the symbol and id carry the level without colour.
    static func severityBadge(_ state: AppState) -> String {
        let name = state.severityLevel?.name.map { " " + $0 } ?? ""
        return "⚑ " + state.incident.severity + name
    }

    static func severityKey(_ state: AppState) -> ThemeKey {
        guard let level = state.severityLevel else { return .sev3 }
        return ThemeKey.severity(level, among: state.severityLevels)
    }

    /// `⏱ 00:12:09` while the incident runs; `⏱ lasted 01:02:03` once it is resolved (the clock stops).
    static func elapsedText(_ state: AppState) -> String {
        if let resolved = state.milestones["resolved"] {
            return "⏱ lasted " + TimeText.elapsed(Int(resolved.timeIntervalSince(state.incident.startedAt)))
        }
        return "⏱ " + TimeText.elapsed(Int(state.now.timeIntervalSince(state.incident.startedAt)))
    }

    /// The severity's response time is the time to acknowledge: `SLA 08:31 left` until then,
    /// `SLA BREACHED +01:05` past it; once acknowledged (or resolved) the clock stops:
    /// `✓ acknowledged in 01:52` or `SLA breached by 00:05`. `SLA n/a` when the level has no bound.
    public static func slaText(_ state: AppState) -> (String, ThemeKey) {
        if state.isWalk {
            let total = state.items.count
            return (
                "walk: \(state.doneCount) of \(total) steps",
                state.doneCount == total && total > 0 ? .countdownOK : .header
            )
        }
        guard let seconds = state.severityLevel?.responseTime?.seconds else { return ("SLA n/a", .textMuted) }
        if let answered = state.milestones["acknowledged"] ?? state.milestones["resolved"] {
            // Exact times judge it (the breach event is recorded on the same terms); whole seconds show it.
            let took = answered.timeIntervalSince(state.incident.startedAt)
            if took <= Double(seconds) { return ("✓ acknowledged in " + TimeText.countdown(Int(took)), .countdownOK) }
            let late = max(Int((took - Double(seconds)).rounded(.up)), 1)
            return ("SLA breached by " + TimeText.countdown(late), .countdownBreached)
        }
        let left = Int(state.incident.startedAt.timeIntervalSince(state.now).rounded(.down)) + seconds
        if left < 0 { return ("⏰ SLA BREACHED +" + TimeText.countdown(left), .countdownBreached) }
        let key: ThemeKey = left <= max(seconds / 4, 60) ? .countdownWarn : .countdownOK
        return ((Symbols.symbol(for: key).map { $0 + " " } ?? "") + "SLA " + TimeText.countdown(left) + " left", key)
    }

    // MARK: Tabs and footer

    static func drawTabs(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, _ palette: ThemePalette) {
        var x = rect.x
        for pane in PaneID.allCases {
            let label = " \(paneTitle(pane, state)) "
            x =
                canvas.write(
                    label, x: x, y: rect.y, style: palette[pane == state.focus ? .tabActive : .tabInactive],
                    clip: rect) + 1
        }
    }

    static func paneTitle(_ pane: PaneID, _ state: AppState) -> String {
        var title =
            pane == .checklist && !state.items.isEmpty
            ? "Checklist \(state.doneCount)/\(state.items.count)"
            : pane == .commands ? commandsTitle(state) : pane.title
        if pane == .timeline, let kind = state.timelineKind { title += " [\(kind)]" }
        if pane == .timeline, state.timelineUnseen > 0 { title += " · \(state.timelineUnseen) new ↓" }
        if let query = state.filters[pane] { title += " /" + query }
        return title
    }

    static func drawFooter(_ canvas: inout Canvas, _ rect: Rect, _ state: AppState, _ palette: ThemePalette) {
        canvas.fill(rect, style: palette[.footer])
        if let message = state.message {
            canvas.write(
                " " + message, x: rect.x, y: rect.y, style: palette[state.messageIsError ? .error : .footerText],
                clip: rect)
            return
        }
        var x = rect.x + 1
        for hint in Bindings.hints(for: state.context, only: state.applicableActions) {
            // Whole hints only: a cut one ("S  sever") says less than none (`?` lists them all).
            guard x + DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.text) + 4 <= rect.maxX else { break }
            x = canvas.write(" \(hint.keys) ", x: x, y: rect.y, style: palette[.footerKey], clip: rect)
            x = canvas.write(" \(hint.text) ", x: x, y: rect.y, style: palette[.footerText], clip: rect) + 1
        }
    }
}
