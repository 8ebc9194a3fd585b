/// Parsing colour values as themes write them.
public enum ColorNames {
    /// The 16 ANSI names, index = colour number.
    public static let ansi: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue", "brightMagenta",
        "brightCyan", "brightWhite"
    ]

    private static let lookup: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for (index, name) in ansi.enumerated() { table[normalise(name)] = UInt8(index) }
        table["gray"] = 8
        table["grey"] = 8
        return table
    }()

    private static func normalise(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }

    /// `red`, `bright-red`, `brightRed`, `color196`, `196`, `#ff8700`, `default`.
    public static func parse(_ text: String) -> ThemeColor? {
        let trimmed = text.trimmingCharacters(in: " \t")
        let key = normalise(trimmed)
        if key == "default" || key == "none" { return .terminalDefault }
        if let index = lookup[key] { return .ansi(index) }
        for prefix in ["colour", "color"] where key.hasPrefix(prefix) {
            return paletteNumber(String(key.dropFirst(prefix.count)))
        }
        if key.hasPrefix("#") { return hex(String(key.dropFirst())) }
        return paletteNumber(key)
    }

    private static func paletteNumber(_ digits: String) -> ThemeColor? {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), (0...255).contains(n) else {
            return nil
        }
        return .palette(UInt8(n))
    }

    private static func hex(_ digits: String) -> ThemeColor? {
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    /// The name a theme would write for a colour.
    public static func name(of color: ThemeColor) -> String {
        switch color {
        case .terminalDefault: return "default"
        case .ansi(let n): return n < 16 ? ansi[Int(n)] : "color\(n)"
        case .palette(let n): return "color\(n)"
        case .rgb(let r, let g, let b):
            let hex = String((Int(r) << 16) | (Int(g) << 8) | Int(b), radix: 16)
            return "#" + String(repeating: "0", count: 6 - hex.count) + hex
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
