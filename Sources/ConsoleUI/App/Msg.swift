import Foundation

/// Everything that can happen to the console: fed to `AppUpdate.update`.
public enum Msg: Sendable, Equatable {
    case key(KeyEvent)
    /// A left click at a screen cell (0-based column and row).
    case click(x: Int, y: Int)
    /// Once a second (and at start): the clock.
    case tick(Date)
    case resize(width: Int, height: Int)
    /// Committed journal events, from this console or any other writer, in id order.
    case journalEvents([ConsoleEvent])
    /// An effect could not be performed; the text is shown in the footer.
    case failed(String)
    /// Something done that is worth saying (a postmortem's path, the theme now shown).
    case notice(String)
    /// Live metric readings from the sampler (replacing earlier ones of the same name).
    case metricReadings([MetricReading])
}

/// What `update` asks the runtime to do. Data only, so tests compare them.
/// Journal writes show on screen only once they come back as `journalEvents`.
public enum Effect: Sendable, Equatable {
    case appendTick(ItemRef)
    case appendUntick(ItemRef)
    case appendSkip(ItemRef)
    case appendNote(String)
    case setSeverity(String)
    case setStatus(String)
    case assignRole(role: String, person: String)
    case appendMilestone(String)
    /// Write the Markdown postmortem to this file, nil: beside the store.
    case writePostmortem(String?)
    /// Switch to this theme (not journalled: it is how this console looks, not the incident).
    case setTheme(String)
    case quit
}
