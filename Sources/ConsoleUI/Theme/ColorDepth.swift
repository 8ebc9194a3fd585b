/// How many colours the terminal shows, and how theme colours fall back to it.
public enum ColorDepth: String, Sendable, CaseIterable, Hashable {
    case mono
    case ansi16 = "16"
    case ansi256 = "256"

    /// `--no-color` or a non-empty `NO_COLOR` → mono; otherwise by the terminal's colour count.
    public static func detect(terminalColors: Int, environment: [String: String], noColorFlag: Bool = false)
        -> ColorDepth
    {
        if noColorFlag { return .mono }
        if let value = environment["NO_COLOR"], !value.isEmpty { return .mono }
        if terminalColors >= 256 { return .ansi256 }
        if terminalColors >= 8 { return .ansi16 }
        return .mono
    }

    /// The colour as this depth can show it: `.ansi` for 16, `.ansi`/`.palette` for 256,
    /// the terminal default for mono.
    public func resolve(_ color: ThemeColor) -> ThemeColor {
        switch (self, color) {
        case (.mono, _), (_, .terminalDefault): return .terminalDefault
        case (_, .ansi(let n)): return .ansi(n & 15)
        case (.ansi256, .palette(let n)): return n < 16 ? .ansi(n) : .palette(n)
        case (.ansi256, .rgb(let r, let g, let b)): return .palette(Palette256.nearest(r, g, b))
        case (.ansi16, .palette(let n)): return .ansi(Palette256.nearest16(index: n))
        case (.ansi16, .rgb(let r, let g, let b)):
            return .ansi(Palette256.nearest16(index: Palette256.nearest(r, g, b)))
        }
    }

    /// The terminal colour number for a resolved colour; -1 for the default.
    public func colorNumber(_ color: ThemeColor) -> Int {
        switch resolve(color) {
        case .terminalDefault: return -1
        case .ansi(let n), .palette(let n): return Int(n)
        case .rgb: return -1
        }
    }
}

/// The xterm 256-colour palette and nearest-colour searches.
public enum Palette256 {
    /// xterm's default RGB for the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255)
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// RGB of a palette entry.
    public static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i < 16 { return ansiRGB[i] }
        if i >= 232 { let v = 8 + (i - 232) * 10; return (v, v, v) }
        let c = i - 16
        return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    /// Nearest entry among 16…255 (the cube and the grey ramp; the first 16 vary by terminal).
    public static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let target = (Int(r), Int(g), Int(b))
        func level(_ v: Int) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - v) < abs(cubeLevels[best] - v) { best = i }
            return best
        }
        let cube = 16 + 36 * level(target.0) + 6 * level(target.1) + level(target.2)
        let average = (target.0 + target.1 + target.2) / 3
        let greyStep = min(max((average - 8 + 5) / 10, 0), 23)
        let grey = 232 + greyStep
        return distance(rgb(UInt8(cube)), target) <= distance(rgb(UInt8(grey)), target) ? UInt8(cube) : UInt8(grey)
    }

    /// Nearest of the 16 ANSI colours to a palette entry (identity below 16).
    public static func nearest16(index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let target = rgb(index)
        var best = 0
        for i in 1..<16 where distance(ansiRGB[i], target) < distance(ansiRGB[best], target) { best = i }
        return UInt8(best)
    }
}
