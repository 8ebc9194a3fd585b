import ConsoleUI
import Foundation

/// Renders (fill + text on every row) a full 200×60 frame and diffs it against the previous
/// one, beside a baseline doing the same writes into a plain `[UInt32]` in the same run.
/// Each figure is the best of several rounds (the machine is shared), in ms per frame.
enum CanvasBench {
    static let width = 200
    static let height = 60
    static let frames = 200
    static let rounds = 5

    struct Figures {
        var baseline = Double.infinity, fill = Double.infinity, text = Double.infinity, diff = Double.infinity
        var unchangedDiff = Double.infinity, wide = Double.infinity, demo = Double.infinity

        mutating func keepBest(_ other: Figures) {
            baseline = min(baseline, other.baseline)
            fill = min(fill, other.fill)
            text = min(text, other.text)
            diff = min(diff, other.diff)
            unchangedDiff = min(unchangedDiff, other.unchangedDiff)
            wide = min(wide, other.wide)
            demo = min(demo, other.demo)
        }
    }

    nonisolated(unsafe) static var sink = 0

    static func run() {
        let rows = (0..<height).map(row)
        var best = Figures()
        for _ in 0..<rounds { best.keepBest(round(rows)) }
        let total = best.fill + best.text + best.diff
        print("canvas: \(width)x\(height) frame, best of \(rounds) rounds of \(frames) frames (ms/frame)")
        print(
            String(
                format: "  render: fill %.3f + text %.3f, diff (every row changed) %.3f; total %.3f ms",
                best.fill, best.text, best.diff, total))
        print(
            String(
                format: "  baseline [UInt32] fill+write+compare %.3f ms; ratio %.1fx",
                best.baseline, total / max(best.baseline, 1e-9)))
        print(
            String(
                format: "  diff of an unchanged frame %.3f ms; wide text (CJK+emoji on every row) %.3f ms;"
                    + " demo frame render+diff %.3f ms", best.unchangedDiff, best.wide, best.demo))
    }

    static func row(_ y: Int) -> String {
        var row = ""
        for x in 0..<width {
            let code: Int = 33 + (x * 7 + y * 13) % 90
            row.append(Character(Unicode.Scalar(UInt8(code))))
        }
        return row
    }

    static func ms(_ d: Duration) -> Double {
        let c = d.components
        return (Double(c.seconds) * 1e3 + Double(c.attoseconds) / 1e15) / Double(frames)
    }

    static func round(_ rows: [String]) -> Figures {
        var figures = Figures()
        let clock = ContinuousClock()
        let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

        // Baseline: the same cell count filled, written and compared as plain integers.
        figures.baseline = ms(
            clock.measure {
                var previous = [UInt32](repeating: 0, count: width * height)
                for frame in 0..<frames {
                    var cells = [UInt32](repeating: 32, count: width * height)
                    for y in 0..<height {
                        var x = 0
                        for scalar in rows[(y + frame) % height].unicodeScalars where x < width {
                            cells[y * width + x] = scalar.value
                            x += 1
                        }
                    }
                    var changed = 0
                    for i in 0..<cells.count where cells[i] != previous[i] { changed += 1 }
                    sink &+= changed
                    previous = cells
                }
            })

        var fill = Duration.zero, text = Duration.zero, diff = Duration.zero
        var previous: Canvas?
        for frame in 0..<frames {
            var canvas = Canvas(width: width, height: height)
            fill += clock.measure { canvas.fill(canvas.bounds, style: palette[.text]) }
            text += clock.measure {
                for y in 0..<height {
                    let key: ThemeKey = y % 3 == 0 ? .metricOK : (y % 3 == 1 ? .text : .metricCrit)
                    canvas.write(rows[(y + frame) % height], x: 0, y: y, style: palette[key])
                }
            }
            diff += clock.measure { sink &+= CanvasDiff.runs(from: previous, to: canvas).count }
            previous = canvas
        }
        figures.fill = ms(fill)
        figures.text = ms(text)
        figures.diff = ms(diff)

        let unchanged = previous ?? Canvas(width: width, height: height)
        let copy = unchanged
        figures.unchangedDiff = ms(
            clock.measure {
                for _ in 0..<frames { sink &+= CanvasDiff.runs(from: unchanged, to: copy).count }
            })

        let wideRow = String(repeating: "漢字🚨 metric ok ", count: 20)
        figures.wide = ms(
            clock.measure {
                for frame in 0..<frames {
                    var canvas = Canvas(width: width, height: height)
                    for y in 0..<height { canvas.write(wideRow, x: frame % 3, y: y) }
                    sink &+= canvas.cells.count
                }
            })

        var demoPrevious: Canvas?
        figures.demo = ms(
            clock.measure {
                for frame in 0..<frames {
                    let canvas = DemoFrame.render(width: width, height: height, palette: palette, tick: frame)
                    sink &+= CanvasDiff.runs(from: demoPrevious, to: canvas).count
                    demoPrevious = canvas
                }
            })
        return figures
    }
}
