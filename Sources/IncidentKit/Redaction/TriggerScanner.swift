/// Finds, in one pass over a large block of text, where any of a redactor's trigger words starts,
/// so that a command printing hundreds of MB/s has only the few lines that may hold a secret
/// redacted. Looks up each pair of adjacent bytes (lower-cased) in a 64 Ki-entry table of the
/// triggers' first two bytes, then compares the candidates.
public struct TriggerScanner: Sendable {
    /// Some pattern has no trigger: every line may hold a secret.
    public let matchesEverything: Bool
    /// One bit per first-two-bytes key (8 KB: stays in cache).
    private let pairBits: [UInt64]
    private let lowerTable: [UInt8]
    /// First-two-bytes key → the triggers starting so.
    private let byPair: [Int: [[UInt8]]]
    /// One-byte triggers (none among the built-in patterns).
    private let singles: [Bool]

    public init(_ redactor: Redactor) {
        var table = [Bool](repeating: false, count: 65_536)
        var byPair: [Int: [[UInt8]]] = [:]
        var singles = [Bool](repeating: false, count: 256)
        var everything = false
        for pattern in redactor.patterns {
            if pattern.triggers.isEmpty { everything = true }
            for trigger in pattern.triggers where !trigger.isEmpty {
                if trigger.count == 1 { singles[Int(trigger[0])] = true; continue }
                let key = Int(trigger[0]) << 8 | Int(trigger[1])
                table[key] = true
                byPair[key, default: []].append(trigger)
            }
        }
        matchesEverything = everything
        var bits = [UInt64](repeating: 0, count: 1024)
        for key in 0..<65_536 where table[key] { bits[key >> 6] |= 1 << UInt64(key & 63) }
        pairBits = bits
        lowerTable = (0...255).map { TriggerSearch.lower(UInt8($0)) }
        self.byPair = byPair
        self.singles = singles
    }

    /// The index of the first trigger occurrence at or after `from`; nil: none.
    public func next(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        if matchesEverything { return from < bytes.count ? from : nil }
        guard from < bytes.count else { return nil }
        return pairBits.withUnsafeBufferPointer { bits -> Int? in
            lowerTable.withUnsafeBufferPointer { lower -> Int? in
                singles.withUnsafeBufferPointer { singles -> Int? in
                    var i = from
                    let last = bytes.count - 1
                    var a = Int(lower[Int(bytes[i < bytes.count ? i : last])])
                    while i < last {
                        if singles[a] { return i }
                        let b = Int(lower[Int(bytes[i + 1])])
                        let key = a << 8 | b
                        if bits[key >> 6] & (1 << UInt64(key & 63)) != 0, let candidates = byPair[key] {
                            for trigger in candidates where matches(trigger, bytes, at: i) { return i }
                        }
                        a = b
                        i += 1
                    }
                    if i == last, singles[a] { return i }
                    return nil
                }
            }
        }
    }

    private func matches(_ trigger: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + trigger.count <= bytes.count else { return false }
        var k = 2
        while k < trigger.count {
            if TriggerSearch.lower(bytes[i + k]) != trigger[k] { return false }
            k += 1
        }
        return true
    }
}
