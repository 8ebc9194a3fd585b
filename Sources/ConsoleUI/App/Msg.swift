import Foundation

/// Everything that can happen to the console: fed to `AppUpdate.update`.
public enum Msg: Sendable, Equatable {
    case key(KeyEvent)
    /// Once a second (and at start): the clock.
    case tick(Date)
    case resize(width: Int, height: Int)
    /// Committed journal events, from this console or any other writer, in id order.
    case journalEvents([ConsoleEvent])
    /// An effect could not be performed; the text is shown in the footer.
    case failed(String)
}

/// What `update` asks the runtime to do. Data only, so tests compare them.
/// Journal writes show on screen only once they come back as `journalEvents`.
public enum Effect: Sendable, Equatable {
    case appendTick(ItemRef)
    case appendUntick(ItemRef)
    case appendSkip(ItemRef)
    case appendNote(String)
    case setSeverity(String)
    case quit
}
