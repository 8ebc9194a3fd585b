import Foundation

/// A number that goes up whenever something a screen shows has changed, so a UI loop can poll it
/// cheaply and redraw only then.
final class ChangeCounter: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0
    /// Told of every change (the console's loop wakes on it), paced.
    private let onChange: PacedSignal?

    init(onChange: PacedSignal? = nil) { self.onChange = onChange }

    var current: Int { lock.withLock { value } }

    func bump() {
        lock.withLock { value &+= 1 }
        onChange?.signal()
    }
}
