/// A role in the incident's room: the usual ones by name, any other a runbook or a person names
/// as `.other`. The journal stores the name.
public enum IncidentRole: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    case commander, scribe, comms, ops
    case other(String)

    /// The roles the palette offers first, in this order.
    public static let usual: [IncidentRole] = [.commander, .scribe, .comms, .ops]

    public init(_ name: String) {
        self = Self.usual.first { $0.name == name } ?? .other(name)
    }

    public init(stringLiteral name: String) { self.init(name) }

    /// The name as the journal and the screen write it (`commander`).
    public var name: String {
        switch self {
        case .commander: "commander"
        case .scribe: "scribe"
        case .comms: "comms"
        case .ops: "ops"
        case .other(let name): name
        }
    }

    public var description: String { name }
}
