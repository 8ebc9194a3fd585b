import RunbookKit

/// Semantic style names. Views ask the theme for a key, never for a colour.
public enum ThemeKey: String, Sendable, CaseIterable, Hashable {
    case text = "text"
    case textMuted = "text.muted"
    case header = "header"
    case headerTitle = "header.title"
    case paneBorderFocused = "pane.border.focused"
    case paneBorderUnfocused = "pane.border.unfocused"
    case paneTitleFocused = "pane.title.focused"
    case paneTitleUnfocused = "pane.title.unfocused"
    case tabActive = "tab.active"
    case tabInactive = "tab.inactive"
    case sev1, sev2, sev3, sev4, sev5
    case metricOK = "metric.ok"
    case metricWarn = "metric.warn"
    case metricCrit = "metric.crit"
    case metricPending = "metric.pending"
    case metricStale = "metric.stale"
    case metricError = "metric.error"
    case riskRead = "risk.read"
    case riskChange = "risk.change"
    case riskDestructive = "risk.destructive"
    case timelineTime = "timeline.time"
    case timelineOpened = "timeline.opened"
    case timelineSeverity = "timeline.severity"
    case timelineStatus = "timeline.status"
    case timelineRole = "timeline.role"
    case timelineChecklist = "timeline.checklist"
    case timelineCommand = "timeline.command"
    case timelineMetric = "timeline.metric"
    case timelineNote = "timeline.note"
    case timelineMilestone = "timeline.milestone"
    case selection = "selection"
    case selectionUnfocused = "selection.unfocused"
    case dialog = "dialog"
    case dialogBorder = "dialog.border"
    case dialogTitle = "dialog.title"
    case footer = "footer"
    case footerKey = "footer.key"
    case footerText = "footer.text"
    case countdownOK = "countdown.ok"
    case countdownWarn = "countdown.warn"
    case countdownBreached = "countdown.breached"
    case error = "error"

    static let severities: [ThemeKey] = [.sev1, .sev2, .sev3, .sev4, .sev5]

    /// The severity key for a level, by its position among the runbook's levels sorted by
    /// rank: the most severe is `sev1` whether the runbook says SEV1 or P0. Beyond five → `sev5`.
    public static func severity(_ level: SeverityLevel, among levels: [SeverityLevel]) -> ThemeKey {
        let mostSevere = levels.map(\.rank).min() ?? (level.id.hasPrefix("P") ? 0 : 1)
        return severity(rank: level.rank, mostSevereRank: min(mostSevere, level.rank))
    }

    /// `sev1` for `mostSevereRank`, one step per rank after it, clamped to `sev1…sev5`.
    public static func severity(rank: Int, mostSevereRank: Int) -> ThemeKey {
        severities[min(max(rank - mostSevereRank, 0), severities.count - 1)]
    }

    /// For a level alone: P-levels start at rank 0 (P0 → sev1), SEV-levels at 1 (SEV1 → sev1).
    public static func severity(_ level: SeverityLevel) -> ThemeKey {
        severity(rank: level.rank, mostSevereRank: level.id.hasPrefix("P") ? 0 : 1)
    }

    public static func risk(_ risk: Risk) -> ThemeKey {
        switch risk {
        case .read: return .riskRead
        case .change, .unknown: return .riskChange
        case .destructive: return .riskDestructive
        }
    }
}
