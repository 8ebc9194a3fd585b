import Foundation
import ConsoleUI

/// Renders (fill + text on every row) a full 200×60 frame and diffs it against the previous
/// one, beside a baseline doing the same writes into a plain `[UInt32]` in the same run.
enum CanvasBench {
    static let width = 200
    static let height = 60
    static let frames = 300

    static func run() {
        let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)
        var rows: [String] = []
        for y in 0..<height {
            var row = ""
            for x in 0..<width {
                let code: Int = 33 + (x * 7 + y * 13) % 90
                row.append(Character(Unicode.Scalar(UInt8(code))))
            }
            rows.append(row)
        }
        let wideRow = String(repeating: "漢字🚨 metric ok ", count: 20)

        // Baseline: the same cell count filled and written as plain integers.
        var sink = 0
        let baselineTime = ContinuousClock().measure {
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
        }

        var fillTime = Duration.zero, renderTime = Duration.zero, diffTime = Duration.zero
        var previous: Canvas?
        let clock = ContinuousClock()
        for frame in 0..<frames {
            var canvas = Canvas(width: width, height: height)
            fillTime += clock.measure {
                canvas.fill(canvas.bounds, style: palette[.text])
            }
            renderTime += clock.measure {
                for y in 0..<height {
                    let key: ThemeKey = y % 3 == 0 ? .metricOK : (y % 3 == 1 ? .text : .metricCrit)
                    canvas.write(rows[(y + frame) % height], x: 0, y: y, style: palette[key])
                }
            }
            diffTime += clock.measure {
                sink &+= CanvasDiff.runs(from: previous, to: canvas).count
            }
            previous = canvas
        }

        // A frame that did not change: the common case between ticks.
        let unchanged = previous ?? Canvas(width: width, height: height)
        let copy = unchanged
        let identicalTime = clock.measure {
            for _ in 0..<frames { sink &+= CanvasDiff.runs(from: unchanged, to: copy).count }
        }

        // Wide characters and the demo frame (boxes, titles, footer) for comparison.
        let wideTime = clock.measure {
            for frame in 0..<frames {
                var canvas = Canvas(width: width, height: height)
                for y in 0..<height { canvas.write(wideRow, x: frame % 3, y: y) }
                sink &+= canvas.cells.count
            }
        }
        var demoPrevious: Canvas?
        let demoTime = clock.measure {
            for frame in 0..<frames {
                let canvas = DemoFrame.render(width: width, height: height, palette: palette, tick: frame)
                sink &+= CanvasDiff.runs(from: demoPrevious, to: canvas).count
                demoPrevious = canvas
            }
        }

        func ms(_ d: Duration) -> Double {
            let c = d.components
            return (Double(c.seconds) * 1e3 + Double(c.attoseconds) / 1e15) / Double(frames)
        }
        let total = ms(fillTime) + ms(renderTime) + ms(diffTime)
        let base = ms(baselineTime)
        print("canvas: \(width)x\(height) frame, \(frames) frames")
        print(String(format: "  render: fill %.3f ms + text %.3f ms; diff %.3f ms; total %.3f ms/frame",
                     ms(fillTime), ms(renderTime), ms(diffTime), total))
        print(String(format: "  baseline [UInt32] fill+write+compare %.3f ms/frame; ratio %.1fx", base, total / max(base, 1e-9)))
        print(String(format: "  wide text (CJK+emoji, every row) %.3f ms/frame; demo frame render+diff %.3f ms/frame",
                     ms(wideTime), ms(demoTime)))
        print(String(format: "  diff of an unchanged frame %.3f ms", ms(identicalTime)))
        if sink == 42 { print("") }
    }
}
