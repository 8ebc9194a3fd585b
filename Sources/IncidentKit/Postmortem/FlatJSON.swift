/// A reader for the journal's own payloads: one JSON object of strings, numbers, booleans, nulls
/// and arrays of strings. Several times faster than `JSONDecoder` for these small objects, which
/// matters for a 100k-event postmortem. Anything else (nested objects, bad syntax) gives nil and
/// the caller falls back to `JSONDecoder`.
enum FlatJSON {
    enum Value: Equatable {
        case string(String), number(Double), bool(Bool), null, strings([String])
    }

    static func parse(_ text: String) -> [String: Value]? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes)
            guard let object = parser.object() else { return nil }
            parser.skipSpace()
            return parser.index == bytes.count ? object : nil
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { index += 1 }
        }

        mutating func take(_ c: UInt8) -> Bool {
            skipSpace()
            guard current == c else { return false }
            index += 1
            return true
        }

        mutating func object() -> [String: Value]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var result: [String: Value] = [:]
            if take(UInt8(ascii: "}")) { return result }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return nil }
                result[key] = value
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? result : nil
        }

        mutating func value() -> Value? {
            skipSpace()
            switch current {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "["): return stringArray().map(Value.strings)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case .some: return number().map(Value.number)
            case nil: return nil
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for k in 0..<count where bytes[index + k] != word.utf8Start[k] { return false }
            index += count
            return true
        }

        mutating func number() -> Double? {
            let start = index
            while let c = current,
                (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x45 || c == 0x65
            {
                index += 1
            }
            guard index > start else { return nil }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        mutating func stringArray() -> [String]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var result: [String] = []
            if take(UInt8(ascii: "]")) { return result }
            repeat {
                skipSpace()
                guard let s = string() else { return nil }
                result.append(s)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? result : nil
        }

        mutating func string() -> String? {
            guard current == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            // Fast path: no escapes.
            while let c = current, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") { index += 1 }
            guard let stop = current else { return nil }
            if stop == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while let c = current {
                index += 1
                if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard c == UInt8(ascii: "\\") else { out.append(c); continue }
                guard let e = current else { return nil }
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800, scalar < 0xDC00 { // a surrogate pair
                        guard literal("\\u"), let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[index]
                let digit: UInt8
                switch c {
                case 0x30...0x39: digit = c - 0x30
                case 0x41...0x46: digit = c - 0x41 + 10
                case 0x61...0x66: digit = c - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}

/// Typed reads from a parsed object; any wrong type marks the whole read as failed.
struct FlatFields {
    let values: [String: FlatJSON.Value]
    private(set) var failed = false

    init(_ values: [String: FlatJSON.Value]) { self.values = values }

    mutating func string(_ key: String) -> String {
        if case .string(let s)? = values[key] { return s }
        failed = true
        return ""
    }

    mutating func optionalString(_ key: String) -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: failed = true; return nil
        }
    }

    mutating func double(_ key: String) -> Double {
        if case .number(let n)? = values[key] { return n }
        failed = true
        return 0
    }

    mutating func optionalInt(_ key: String) -> Int? {
        switch values[key] {
        case nil, .null?: return nil
        case .number(let n)? where n == n.rounded() && abs(n) < 1e15: return Int(n)
        default: failed = true; return nil
        }
    }

    mutating func int(_ key: String) -> Int {
        if let n = optionalInt(key) { return n }
        failed = true
        return 0
    }

    mutating func bool(_ key: String) -> Bool {
        if case .bool(let b)? = values[key] { return b }
        failed = true
        return false
    }

    mutating func optionalBool(_ key: String) -> Bool? {
        switch values[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: failed = true; return nil
        }
    }

    mutating func strings(_ key: String) -> [String] {
        if case .strings(let s)? = values[key] { return s }
        failed = true
        return []
    }
}
