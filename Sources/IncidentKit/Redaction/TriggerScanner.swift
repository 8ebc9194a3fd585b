/// Finds, in one pass over a large block of text, where any of a redactor's trigger words starts,
/// so that a command printing hundreds of MB/s has only the few lines that may hold a secret
/// redacted. Bytes that cannot start a trigger are skipped with one table load each; at the
/// others, the pair of adjacent bytes (lower-cased) is looked up in a bit table of the triggers'
/// first two bytes, and only then are the candidates compared. All tables are flat arrays: no
/// hashing on the hot path.
public struct TriggerScanner: Sendable {
    /// Some pattern has no trigger: every line may hold a secret.
    public let matchesEverything: Bool
    /// Raw byte → 1 when, lower-cased, it is the first byte of some trigger.
    private let startsTrigger: [UInt8]
    /// One bit per first-two-bytes key (8 KB: stays in cache).
    private let pairBits: [UInt64]
    private let lowerTable: [UInt8]
    /// The triggers of two bytes or more, grouped by first-two-bytes key: `pairKeys[g]` is the
    /// key of group g, whose triggers are `triggers[groupStarts[g]..<groupStarts[g + 1]]`.
    private let pairKeys: [Int]
    private let groupStarts: [Int]
    private let triggers: [[UInt8]]
    /// One-byte triggers (none among the built-in patterns).
    private let singles: [Bool]

    public init(_ redactor: Redactor) {
        var grouped: [Int: [[UInt8]]] = [:]
        var singles = [Bool](repeating: false, count: 256)
        var starts = [UInt8](repeating: 0, count: 256)
        var everything = false
        let lower: [UInt8] = (0...255).map { TriggerSearch.lower(UInt8($0)) }
        for pattern in redactor.patterns {
            if pattern.triggers.isEmpty { everything = true }
            for trigger in pattern.triggers where !trigger.isEmpty {
                for raw in 0..<256 where lower[raw] == trigger[0] { starts[raw] = 1 }
                if trigger.count == 1 { singles[Int(trigger[0])] = true; continue }
                grouped[Int(trigger[0]) << 8 | Int(trigger[1]), default: []].append(trigger)
            }
        }
        matchesEverything = everything
        var bits = [UInt64](repeating: 0, count: 1024)
        var keys: [Int] = [], groupStarts: [Int] = [], all: [[UInt8]] = []
        for key in grouped.keys.sorted() {
            bits[key >> 6] |= 1 << UInt64(key & 63)
            keys.append(key)
            groupStarts.append(all.count)
            all.append(contentsOf: grouped[key]!)
        }
        groupStarts.append(all.count)
        pairBits = bits
        lowerTable = lower
        startsTrigger = starts
        pairKeys = keys
        self.groupStarts = groupStarts
        triggers = all
        self.singles = singles
    }

    /// The index of the first trigger occurrence at or after `from`; nil: none.
    public func next(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        if matchesEverything { return from < bytes.count ? from : nil }
        guard from < bytes.count else { return nil }
        return startsTrigger.withUnsafeBufferPointer { starts -> Int? in
            pairBits.withUnsafeBufferPointer { bits -> Int? in
                lowerTable.withUnsafeBufferPointer { lower -> Int? in
                    let n = bytes.count
                    var i = from
                    while true {
                        while i < n, starts[Int(bytes[i])] == 0 { i += 1 }
                        if i >= n { return nil }
                        let a = Int(lower[Int(bytes[i])])
                        if singles[a] { return i }
                        if i + 1 < n {
                            let key = a << 8 | Int(lower[Int(bytes[i + 1])])
                            if bits[key >> 6] & (1 << UInt64(key & 63)) != 0, candidatesMatch(key, bytes, at: i) {
                                return i
                            }
                        }
                        i += 1
                    }
                }
            }
        }
    }

    /// Whether one of the triggers whose first two bytes make `key` occurs at `i`.
    private func candidatesMatch(_ key: Int, _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var low = 0, high = pairKeys.count
        while low < high {
            let mid = (low + high) / 2
            if pairKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        guard low < pairKeys.count, pairKeys[low] == key else { return false }
        for t in groupStarts[low]..<groupStarts[low + 1] where matches(triggers[t], bytes, at: i) { return true }
        return false
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
