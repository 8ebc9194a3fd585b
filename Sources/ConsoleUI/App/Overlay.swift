/// What can sit on top of the panes; the last one of `AppState.overlays` takes the keys.
public enum Overlay: Sendable, Equatable {
    case help
    case note(LineEditor)
    /// `:` command line (`sev`, `sev SEV1`, `note …`, `q`).
    case command(LineEditor)
    /// Index of the highlighted level.
    case severityPicker(Int)
    case confirmQuit
}
