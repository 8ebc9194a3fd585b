/// The console's four panes.
public enum PaneID: String, Sendable, CaseIterable, Hashable {
    case checklist, metrics, commands, timeline

    public var title: String {
        switch self {
        case .checklist: return "Checklist"
        case .metrics: return "Metrics"
        case .commands: return "Commands"
        case .timeline: return "Timeline"
        }
    }
}

/// Where everything goes on a screen of a given size. Pure: same size in, same rects out.
///
/// - `full` (at least 100×30): a 2-row header, a 2×2 grid of panes (checklist and metrics
///   on top, commands and timeline below), a 1-row footer. From 160 columns (`wideMinimum`) the
///   space goes to three columns instead: the checklist, metrics over commands, and the timeline,
///   each as tall as the screen allows.
/// - `tabbed` (at least 60×15): a 1-row header, a 1-row tab bar, the active pane, a footer.
/// - `tooSmall`: nothing but the screen; the view says how much room it needs.
public struct ScreenLayout: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case full, tabbed, tooSmall }

    public static let fullMinimum = (width: 100, height: 30)
    public static let minimum = (width: 60, height: 15)
    public static let wideMinimum = 160

    public var mode: Mode
    public var screen: Rect
    public var header: Rect
    public var footer: Rect
    /// Tab bar in tabbed mode, empty otherwise.
    public var tabBar: Rect
    /// The rect of each visible pane (all four in full mode, the active one when tabbed).
    public var panes: [PaneID: Rect]

    public static func compute(width: Int, height: Int, activePane: PaneID = .checklist) -> ScreenLayout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        if width < minimum.width || height < minimum.height {
            return ScreenLayout(
                mode: .tooSmall, screen: screen, header: .zero, footer: .zero, tabBar: .zero, panes: [:])
        }
        if width < fullMinimum.width || height < fullMinimum.height {
            let (header, rest) = screen.splitTop(1)
            let (tabBar, middle) = rest.splitTop(1)
            let (body, footer) = middle.splitBottom(1)
            return ScreenLayout(
                mode: .tabbed, screen: screen, header: header, footer: footer, tabBar: tabBar,
                panes: [activePane: body])
        }
        let (header, rest) = screen.splitTop(2)
        let (body, footer) = rest.splitBottom(1)
        if width >= wideMinimum {
            let (checklist, others) = body.splitLeft(body.width / 3)
            let (middle, timeline) = others.splitLeft(others.width / 2)
            let (metrics, commands) = middle.splitTop(middle.height / 2)
            return ScreenLayout(
                mode: .full, screen: screen, header: header, footer: footer, tabBar: .zero,
                panes: [.checklist: checklist, .metrics: metrics, .commands: commands, .timeline: timeline])
        }
        let (top, bottom) = body.splitTop(body.height / 2)
        let (checklist, metrics) = top.splitLeft(top.width / 2)
        let (commands, timeline) = bottom.splitLeft(bottom.width / 2)
        return ScreenLayout(
            mode: .full, screen: screen, header: header, footer: footer, tabBar: .zero,
            panes: [.checklist: checklist, .metrics: metrics, .commands: commands, .timeline: timeline])
    }

    /// The pane under a screen position (for mouse clicks).
    public func pane(atColumn x: Int, row y: Int) -> PaneID? {
        PaneID.allCases.first { panes[$0]?.contains(x: x, y: y) ?? false }
    }
}
