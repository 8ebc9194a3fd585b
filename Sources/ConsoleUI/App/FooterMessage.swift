/// What the footer says instead of key hints until the next key.
public enum FooterMessage: Sendable, Equatable {
    /// Something could not be done, and why.
    case error(String)
    /// Something done that is worth saying.
    case notice(String)

    public var text: String {
        switch self {
        case .error(let text), .notice(let text): text
        }
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }
}
