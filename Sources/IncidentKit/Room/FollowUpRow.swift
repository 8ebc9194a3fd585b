/// A follow-up as the console lists it (`:actions`).
public struct FollowUpRow: Sendable, Equatable {
    public var id: Int64
    public var text: String
    public var owner: String?
    public var open: Bool

    public init(id: Int64, text: String, owner: String? = nil, open: Bool = true) {
        self.id = id
        self.text = text
        self.owner = owner
        self.open = open
    }
}
