import CNcurses

/// Allocates curses colour pairs on first use and remembers them. Pair 0 is the terminal's
/// default; when pairs run out, further combinations fall back to it.
struct ColorPairCache {
    private var pairs: [Int: Int16] = [:]
    private var next: Int = 1

    mutating func pair(foreground: Int, background: Int, maxPairs: Int) -> Int16 {
        if foreground < 0 && background < 0 { return 0 }
        let key = (foreground + 1) << 16 | (background + 1)
        if let known = pairs[key] { return known }
        guard next < min(maxPairs, Int(Int16.max)) else { return 0 }
        let number = Int16(next)
        next += 1
        init_pair(number, Int16(foreground), Int16(background))
        pairs[key] = number
        return number
    }
}
