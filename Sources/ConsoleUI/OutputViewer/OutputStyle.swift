import RunbookKit

/// A command's own colours on the canvas: the 16 ANSI colours stay the terminal's (so they
/// follow its theme), others go through the palette's depth; without colour only bold remains.
enum OutputStyle {
    static func color(_ index: Int?, _ depth: ColorDepth) -> ThemeColor {
        guard let index, (0...255).contains(index) else { return .terminalDefault }
        return depth.resolve(index < 16 ? .ansi(UInt8(index)) : .palette(UInt8(index)))
    }

    static func style(_ run: ColorRun, base: Style, depth: ColorDepth) -> Style {
        var style = base
        if depth != .mono {
            if run.foreground != nil { style.foreground = color(run.foreground, depth) }
            if run.background != nil { style.background = color(run.background, depth) }
        }
        if run.bold { style.attributes.insert(.bold) }
        return style
    }

    /// One style per character of a line's piece (`start` is the piece's first character offset).
    static func styles(_ line: OutputLine, start: Int, count: Int, base: Style, depth: ColorDepth) -> [Style] {
        var styles = Array(repeating: base, count: count)
        for run in line.colors {
            let from = max(run.start - start, 0), to = min(run.start + run.length - start, count)
            guard from < to else { continue }
            let style = style(run, base: base, depth: depth)
            for i in from..<to { styles[i] = style }
        }
        return styles
    }
}
