/// Why a delivery was refused; `description` is the reason sent back to the sender.
public enum IntakeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not JSON, not Alertmanager's shape, or a field of the wrong kind.
    case malformed(String)
    /// Larger than the receiver accepts.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed alert payload: \(reason)"
        case .tooLarge(let limit): "payload larger than \(limit) bytes"
        }
    }
}
