/// Themes compiled into the binary, so it works without the `themes/` folder.
public enum BuiltinThemes {
    /// The text of `themes/default.yaml` (a test checks the two are the same).
    public static let defaultYAML = #"""
        # warroom built-in default theme. The same text is embedded in the binary
        # (Sources/ConsoleUI/Theme/BuiltinThemes.swift); other themes only list what they change.
        # Each style: fg / bg (a name like red or brightRed, color0-color255, 0-255, #rrggbb, default),
        # attrs (bold, dim, underline, reverse, italic) and mono: the attributes used instead of colour
        # on a monochrome screen (NO_COLOR, --no-color), so every meaning still shows without colour.
        name: default
        description: Neutral colours for dark or light terminals
        styles:
          text:                  { fg: default, bg: default, attrs: [], mono: [] }
          text.muted:            { fg: brightBlack, bg: default, attrs: [], mono: [dim] }
          header:                { fg: brightWhite, bg: blue, attrs: [bold], mono: [reverse] }
          header.title:          { fg: brightWhite, bg: blue, attrs: [bold], mono: [reverse, bold] }
          pane.border.focused:   { fg: cyan, bg: default, attrs: [bold], mono: [bold] }
          pane.border.unfocused: { fg: brightBlack, bg: default, attrs: [], mono: [dim] }
          pane.title.focused:    { fg: brightCyan, bg: default, attrs: [bold], mono: [reverse, bold] }
          pane.title.unfocused:  { fg: white, bg: default, attrs: [], mono: [] }
          tab.active:            { fg: black, bg: cyan, attrs: [bold], mono: [reverse, bold] }
          tab.inactive:          { fg: white, bg: default, attrs: [], mono: [] }
          sev1:                  { fg: brightWhite, bg: red, attrs: [bold], mono: [reverse, bold] }
          sev2:                  { fg: black, bg: color208, attrs: [bold], mono: [reverse] }
          sev3:                  { fg: black, bg: yellow, attrs: [], mono: [bold, underline] }
          sev4:                  { fg: brightBlue, bg: default, attrs: [bold], mono: [underline] }
          sev5:                  { fg: brightBlack, bg: default, attrs: [], mono: [dim] }
          metric.ok:             { fg: green, bg: default, attrs: [], mono: [] }
          metric.warn:           { fg: yellow, bg: default, attrs: [bold], mono: [bold] }
          metric.crit:           { fg: brightWhite, bg: red, attrs: [bold], mono: [reverse, bold] }
          metric.pending:        { fg: brightBlack, bg: default, attrs: [], mono: [dim] }
          metric.stale:          { fg: magenta, bg: default, attrs: [], mono: [dim, underline] }
          metric.error:          { fg: brightRed, bg: default, attrs: [bold], mono: [bold, underline] }
          risk.read:             { fg: green, bg: default, attrs: [], mono: [] }
          risk.change:           { fg: yellow, bg: default, attrs: [bold], mono: [bold] }
          risk.destructive:      { fg: brightWhite, bg: red, attrs: [bold], mono: [reverse, bold] }
          timeline.time:         { fg: brightBlack, bg: default, attrs: [], mono: [dim] }
          timeline.opened:       { fg: brightCyan, bg: default, attrs: [bold], mono: [bold] }
          timeline.severity:     { fg: brightRed, bg: default, attrs: [bold], mono: [bold] }
          timeline.status:       { fg: brightBlue, bg: default, attrs: [bold], mono: [bold] }
          timeline.role:         { fg: magenta, bg: default, attrs: [], mono: [] }
          timeline.checklist:    { fg: green, bg: default, attrs: [], mono: [] }
          timeline.command:      { fg: cyan, bg: default, attrs: [], mono: [] }
          timeline.metric:       { fg: yellow, bg: default, attrs: [], mono: [underline] }
          timeline.note:         { fg: default, bg: default, attrs: [], mono: [] }
          timeline.milestone:    { fg: brightYellow, bg: default, attrs: [bold], mono: [bold, underline] }
          selection:             { fg: black, bg: cyan, attrs: [], mono: [reverse] }
          selection.unfocused:   { fg: default, bg: color238, attrs: [], mono: [underline] }
          dialog:                { fg: brightWhite, bg: color236, attrs: [], mono: [] }
          dialog.border:         { fg: brightCyan, bg: color236, attrs: [bold], mono: [bold] }
          dialog.title:          { fg: brightWhite, bg: color236, attrs: [bold], mono: [reverse, bold] }
          footer:                { fg: white, bg: color235, attrs: [], mono: [] }
          footer.key:            { fg: brightYellow, bg: color235, attrs: [bold], mono: [reverse] }
          footer.text:           { fg: white, bg: color235, attrs: [], mono: [] }
          countdown.ok:          { fg: green, bg: default, attrs: [bold], mono: [bold] }
          countdown.warn:        { fg: yellow, bg: default, attrs: [bold], mono: [bold, underline] }
          countdown.breached:    { fg: brightWhite, bg: red, attrs: [bold], mono: [reverse, bold] }
          error:                 { fg: brightRed, bg: default, attrs: [bold], mono: [reverse, bold] }

        """#

    /// The default theme: every key defined, with colours and mono attributes.
    public static let defaultTheme: Theme = {
        let (overlay, _) = ThemeLoader.parse(defaultYAML, file: "built-in default")
        return Theme(name: "default").overlaid(with: overlay)
    }()

    /// The embedded theme names (only `default`; the others ship as files).
    public static let names = ["default"]
}
