/// What can sit on top of the panes; the last one of `AppState.overlays` takes the keys.
public enum Overlay: Sendable, Equatable {
    case help
    case note(LineEditor)
    /// `:` command line (`sev`, `sev SEV1`, `note …`, `q`).
    case command(LineEditor)
    /// `/` filter of the focused pane, applied as it is typed.
    case filter(LineEditor)
    /// The highlighted level.
    case severityPicker(ListCursor)
    case confirmQuit
    /// `c`: the checklists and procedures (`ListChoice.all`), the highlighted one.
    case chooser(ListCursor)
    /// After a severity change: show the level's linked procedure? y / n
    case offerProcedure(ListChoice)
    /// Enter on a metric: a larger chart of its kept samples, by metric name. `series`: nil while the
    /// series list is hidden, else the index of its first shown row.
    case metricChart(String, series: Int? = nil)
    /// Enter or `!` on a command: its placeholder form, preview, confirmation or problem.
    case run(RunDialog)
    /// A run's output, full screen.
    case output(OutputViewer)
    /// `:vars`: the remembered placeholder values.
    case vars(VarsEditor)
    /// Guided `r` ran the step's commands: tick the item? y / n
    case offerTick(ItemRef)
    /// `:alerts`: the incident's alerts, firing first.
    case alerts
    /// A read-only page of lines: `:roles`, `:actions`, `:contacts`, a hand-off briefing.
    case page(title: String, lines: [String])
    /// A drafted status update: Enter sends it, `e` edits it again, Esc discards it.
    case sendUpdate(String)
    /// A ticked step said to acknowledge: record the milestone? y / n
    case offerMilestone(String)
}
