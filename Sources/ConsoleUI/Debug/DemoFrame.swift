/// A demonstration frame for `warroom debug canvas`: every layout region, focused and
/// unfocused borders, wide characters and the main theme keys, so a person (or a tmux test)
/// can see the backend draw. Pure: it only renders into a canvas.
public enum DemoFrame {
    public static func render(
        width: Int, height: Int, palette: ThemePalette, focus: PaneID = .checklist,
        tick: Int = 0
    ) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let layout = ScreenLayout.compute(width: width, height: height, activePane: focus)
        if layout.mode == .tooSmall {
            let message = "Terminal too small: need \(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height)"
            canvas.write(TextFit.truncate(message, toWidth: width), x: 0, y: max(0, height / 2), style: palette[.error])
            return canvas
        }
        drawHeader(&canvas, layout.header, palette: palette, tick: tick)
        if layout.mode == .tabbed {
            var x = layout.tabBar.x
            for pane in PaneID.allCases {
                let label = " \(pane.title) "
                x =
                    canvas.write(
                        label, x: x, y: layout.tabBar.y, style: palette[pane == focus ? .tabActive : .tabInactive],
                        clip: layout.tabBar) + 1
            }
        }
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let focused = pane == focus
            let inner = canvas.box(
                rect, title: pane.title, focused: focused,
                borderStyle: palette[focused ? .paneBorderFocused : .paneBorderUnfocused],
                titleStyle: palette[focused ? .paneTitleFocused : .paneTitleUnfocused])
            drawBody(&canvas, pane, inner, palette: palette)
        }
        drawFooter(&canvas, layout.footer, palette: palette)
        return canvas
    }

    private static func drawHeader(_ canvas: inout Canvas, _ rect: Rect, palette: ThemePalette, tick: Int) {
        canvas.fill(rect, style: palette[.header])
        var x = canvas.write(" warroom canvas demo ", x: rect.x, y: rect.y, style: palette[.headerTitle], clip: rect)
        x = canvas.write(" 🚨 SEV1 ", x: x + 1, y: rect.y, style: palette[.sev1], clip: rect)
        canvas.write(" 漢字 wide text · frame \(tick) ", x: x + 1, y: rect.y, style: palette[.header], clip: rect)
        if rect.height > 1 {
            canvas.write(" SLA 00:14:59 ", x: rect.x, y: rect.y + 1, style: palette[.countdownOK], clip: rect)
        }
    }

    private static func drawBody(_ canvas: inout Canvas, _ pane: PaneID, _ inner: Rect, palette: ThemePalette) {
        let rows: [(String, ThemeKey)]
        switch pane {
        case .checklist:
            rows = [
                ("[x] Acknowledge the page", .text), ("[ ] Open a channel 📣", .selection),
                ("[ ] Assign incident commander", .text), ("[ ] ⚠️ Check replicas 🛠️", .text)
            ]
        case .metrics:
            rows = [
                ("✔ error_rate   0.4%", .metricOK), ("▲ latency_p99  870ms", .metricWarn),
                ("✖ db_conns     98/100 CRIT", .metricCrit), ("… queue_depth  pending", .metricPending)
            ]
        case .commands:
            rows = [
                ("read    kubectl get pods", .riskRead), ("change  kubectl rollout restart", .riskChange),
                ("DANGER  psql -c 'DROP TABLE'", .riskDestructive)
            ]
        case .timeline:
            rows = [
                ("02:14 opened INC-1 漢字", .timelineOpened), ("02:15 note: 🚨 paged on-call", .timelineNote),
                ("02:16 metric db_conns breached", .timelineMetric)
            ]
        }
        for (index, row) in rows.enumerated() where index < inner.height {
            canvas.write(row.0, x: inner.x, y: inner.y + index, width: inner.width, style: palette[row.1], clip: inner)
        }
    }

    private static func drawFooter(_ canvas: inout Canvas, _ rect: Rect, palette: ThemePalette) {
        canvas.fill(rect, style: palette[.footer])
        var x = rect.x + 1
        for (key, text) in [(KeyEvent.tab, "next pane"), (KeyEvent.shiftTab, "previous"), (KeyEvent.char("q"), "quit")]
        {
            x = canvas.write(" \(key) ", x: x, y: rect.y, style: palette[.footerKey], clip: rect)
            x = canvas.write(" \(text) ", x: x, y: rect.y, style: palette[.footerText], clip: rect) + 1
        }
    }
}
