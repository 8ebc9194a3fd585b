import RunbookKit

/// The SGR attributes the console keeps from a command's output: colours and bold. Everything
/// else SGR can say (italic, blink, underline …) is dropped.
struct TextStyle: Equatable, Sendable {
    var foreground: Int?
    var background: Int?
    var bold = false

    var isPlain: Bool { foreground == nil && background == nil && !bold }

    func run(start: Int, length: Int) -> ColorRun {
        ColorRun(start: start, length: length, foreground: foreground, background: background, bold: bold)
    }

    /// Applies the parameters of one `ESC [ … m` (`;` and `:` both separate them). The numbers
    /// go into a stack buffer: this runs for every coloured word of a log.
    mutating func apply<Bytes: Sequence<UInt8>>(sgr parameters: Bytes) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 33) { numbers in
            var count = 0, current = 0, digits = 0
            for byte in parameters {
                if byte >= 0x30 && byte <= 0x39 {
                    if digits < 6 { current = current * 10 + Int(byte - 0x30) }
                    digits += 1
                } else if count < 32 {
                    numbers[count] = current
                    count += 1
                    current = 0
                    digits = 0
                }
            }
            numbers[count] = current
            count += 1
            apply(UnsafeBufferPointer(rebasing: numbers[0..<count]))
        }
    }

    private mutating func apply(_ numbers: UnsafeBufferPointer<Int>) {
        var i = 0
        while i < numbers.count {
            let n = numbers[i]
            switch n {
            case 0: self = TextStyle()
            case 1: bold = true
            case 22: bold = false
            case 30...37: foreground = n - 30
            case 90...97: foreground = n - 90 + 8
            case 39: foreground = nil
            case 40...47: background = n - 40
            case 100...107: background = n - 100 + 8
            case 49: background = nil
            case 38, 48:
                let (colour, used) = Self.extendedColour(numbers, after: i)
                if let colour { if n == 38 { foreground = colour } else { background = colour } }
                i += used
            default: break
            }
            i += 1
        }
    }

    /// `5;N` (256 colours) or `2;R;G;B` (mapped to the 6×6×6 cube) after a 38/48 at `index`;
    /// returns the colour and how many numbers it used.
    static func extendedColour(_ numbers: UnsafeBufferPointer<Int>, after index: Int) -> (Int?, Int) {
        guard index + 1 < numbers.count else { return (nil, 0) }
        switch numbers[index + 1] {
        case 5:
            guard index + 2 < numbers.count else { return (nil, 1) }
            let n = numbers[index + 2]
            return (n <= 255 ? n : nil, 2)
        case 2:
            guard index + 4 < numbers.count else { return (nil, numbers.count - index - 1) }
            func cube(_ v: Int) -> Int { (min(v, 255) * 5 + 127) / 255 }
            let r = cube(numbers[index + 2]), g = cube(numbers[index + 3]), b = cube(numbers[index + 4])
            return (16 + 36 * r + 6 * g + b, 4)
        default:
            return (nil, 1)
        }
    }
}
