import Foundation
import RunbookKit
import Testing
@testable import ConsoleUI

/// The project root, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

@Suite("Themes")
struct ThemeTests {
    @Test("The built-in default defines every key, with mono attributes, and matches themes/default.yaml")
    func builtinComplete() throws {
        let (_, warnings) = ThemeLoader.parse(BuiltinThemes.defaultYAML, file: "built-in")
        #expect(warnings.isEmpty)
        let theme = BuiltinThemes.defaultTheme
        for key in ThemeKey.allCases {
            let entry = try #require(theme.entries[key], "missing \(key.rawValue)")
            #expect(
                entry.foreground != nil && entry.background != nil && entry.attributes != nil && entry.mono != nil,
                "incomplete \(key.rawValue)")
        }
        let file = try String(contentsOfFile: projectRoot + "/themes/default.yaml", encoding: .utf8)
        #expect(file == BuiltinThemes.defaultYAML)
    }

    @Test("Colour values: names, numbers, colorNNN, hex, default")
    func colorParsing() {
        #expect(ColorNames.parse("red") == .ansi(1))
        #expect(ColorNames.parse("brightRed") == .ansi(9))
        #expect(ColorNames.parse("bright-red") == .ansi(9))
        #expect(ColorNames.parse("grey") == .ansi(8))
        #expect(ColorNames.parse("color208") == .palette(208))
        #expect(ColorNames.parse("colour12") == .palette(12))
        #expect(ColorNames.parse("240") == .palette(240))
        #expect(ColorNames.parse("#ff8700") == .rgb(255, 135, 0))
        #expect(ColorNames.parse("default") == .terminalDefault)
        #expect(ColorNames.parse("256") == nil)
        #expect(ColorNames.parse("reddish") == nil)
        #expect(ColorNames.parse("#12345") == nil)
    }

    @Test("Colour fallback: hex → 256 → 16")
    func fallback() {
        #expect(Palette256.nearest(255, 135, 0) == 208)
        #expect(Palette256.nearest(0x80, 0x80, 0x80) == 244)
        #expect(Palette256.nearest(0, 0, 0) == 16)
        #expect(ColorDepth.ansi256.resolve(.rgb(255, 135, 0)) == .palette(208))
        #expect(ColorDepth.ansi16.resolve(.palette(196)) == .ansi(9)) // pure red → bright red
        #expect(ColorDepth.ansi16.resolve(.palette(160)) == .ansi(1)) // darker red → red
        #expect(ColorDepth.ansi16.resolve(.palette(236)) == .ansi(0)) // dark grey → black
        #expect(ColorDepth.ansi16.resolve(.palette(244)) == .ansi(8)) // mid grey → bright black
        #expect(ColorDepth.ansi16.resolve(.palette(4)) == .ansi(4))
        #expect(ColorDepth.ansi16.resolve(.rgb(0xdc, 0x32, 0x2f)) == .ansi(1))
        #expect(ColorDepth.ansi256.resolve(.ansi(3)) == .ansi(3))
        #expect(ColorDepth.mono.resolve(.ansi(3)) == .terminalDefault)
        #expect(ColorDepth.ansi256.colorNumber(.palette(208)) == 208)
        #expect(ColorDepth.ansi16.colorNumber(.terminalDefault) == -1)
    }

    @Test("NO_COLOR and --no-color give monochrome; colour count picks the depth")
    func depthDetection() {
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["NO_COLOR": "1"]) == .mono)
        #expect(ColorDepth.detect(terminalColors: 256, environment: ["NO_COLOR": ""]) == .ansi256)
        #expect(ColorDepth.detect(terminalColors: 256, environment: [:], noColorFlag: true) == .mono)
        #expect(ColorDepth.detect(terminalColors: 16, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(terminalColors: 8, environment: [:]) == .ansi16)
        #expect(ColorDepth.detect(terminalColors: 0, environment: [:]) == .mono)
    }

    @Test("Monochrome keeps meaning through attributes")
    func mono() {
        let palette = BuiltinThemes.defaultTheme.palette(depth: .mono)
        #expect(palette[.metricCrit] == Style(attributes: [.reverse, .bold]))
        #expect(palette[.metricCrit].foreground == .terminalDefault)
        #expect(palette[.metricOK] != palette[.metricCrit])
        #expect(palette[.metricWarn] != palette[.metricOK])
        #expect(palette[.riskDestructive] != palette[.riskRead])
        #expect(palette[.riskChange] != palette[.riskRead])
        #expect(palette[.paneBorderFocused] != palette[.paneBorderUnfocused])
        #expect(palette[.selection].attributes.contains(.reverse))
        #expect(palette[.countdownBreached] != palette[.countdownOK])
        let color = BuiltinThemes.defaultTheme.palette(depth: .ansi256)
        #expect(color[.metricCrit] == Style(foreground: .ansi(15), background: .ansi(1), attributes: [.bold]))
        #expect(BuiltinThemes.defaultTheme.palette(depth: .ansi16)[.sev2].background == .ansi(3)) // orange → yellow
    }

    @Test("A partial theme overlays the default and warns with file, key and line")
    func partialOverlay() {
        let yaml = """
            name: custom
            colours: loud
            styles:
              header: { bg: magenta }
              metric.crit: { fg: notacolor, attrs: [bold, blinking] }
              pane.titel: { fg: red }
              footer.key: { fg: "#00ff00", shade: 3 }
              sev1: red
            """
        let (overlay, warnings) = ThemeLoader.parse(yaml, file: "themes/custom.yaml")
        let theme = BuiltinThemes.defaultTheme.overlaid(with: overlay)
        #expect(theme.name == "custom")
        // Only bg changed; fg and attrs stay from the default.
        #expect(theme.style(.header) == Style(foreground: .ansi(15), background: .ansi(5), attributes: [.bold]))
        // A bad colour is skipped; the good attribute in the same entry applies.
        #expect(theme.style(.metricCrit).background == .ansi(1))
        #expect(theme.style(.metricCrit).attributes == [.bold])
        #expect(theme.style(.footerKey).foreground == .palette(46))
        #expect(theme.style(.text) == BuiltinThemes.defaultTheme.style(.text))
        let described = warnings.map(\.description)
        #expect(
            described == [
                "themes/custom.yaml:2: colours: unknown key (expected one of: description, monochrome, name, styles)",
                "themes/custom.yaml:5: styles.metric.crit.fg: bad colour 'notacolor' (a name like red or brightRed, "
                    + "color0-color255, 0-255, #rrggbb or default)",
                "themes/custom.yaml:5: styles.metric.crit.attrs: unknown attribute 'blinking' (expected bold, dim, "
                    + "underline, reverse, italic)",
                "themes/custom.yaml:6: styles.pane.titel: unknown style key",
                "themes/custom.yaml:7: styles.footer.key.shade: unknown field (expected fg, bg, attrs, mono)",
                "themes/custom.yaml:8: styles.sev1: expected a mapping with fg, bg, attrs, mono"
            ])
        #expect(warnings.allSatisfy { $0.file == "themes/custom.yaml" })
    }

    @Test("Broken YAML is a warning, not a crash")
    func brokenYAML() {
        let (overlay, warnings) = ThemeLoader.parse("styles: [unclosed", file: "bad.yaml")
        #expect(overlay == ThemeOverlay())
        #expect(warnings.count == 1)
        #expect(warnings[0].description.hasPrefix("bad.yaml: not valid YAML"))
    }

    @Test("Every shipped theme loads without warnings")
    func shippedThemes() throws {
        let catalog = ThemeCatalog(directories: [projectRoot + "/themes"])
        let names = catalog.list().map(\.name)
        #expect(names == ["default", "high-contrast", "light", "mono", "solarized-dark"])
        #expect(catalog.names() == names, "names without reading the files agree with the list")
        for name in names {
            let result = try catalog.load(name)
            #expect(result.warnings.isEmpty, "\(name): \(result.warnings)")
            #expect(result.theme.name == name)
        }
        let mono = try catalog.load("mono").theme
        #expect(mono.palette(depth: .ansi256)[.metricCrit] == Style(attributes: [.reverse, .bold]))
        let solarized = try catalog.load("solarized-dark").theme
        #expect(solarized.style(.metricOK, depth: .ansi256).foreground == .palette(100))
        #expect(solarized.style(.header, depth: .ansi256).attributes == [.bold])
    }

    @Test("Lookup by name, by path, built-in fallback, and not found")
    func lookup() throws {
        let empty = ThemeCatalog(directories: ["/nonexistent-warroom-themes"])
        #expect(try empty.load(nil).theme == BuiltinThemes.defaultTheme)
        #expect(empty.list().map(\.name) == ["default"])
        #expect(empty.names() == ["default"])
        #expect(throws: ThemeError.self) { try empty.load("nope") }
        let path = projectRoot + "/themes/light.yaml"
        #expect(try empty.load(path).theme.name == "light")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-theme-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "styles:\n  text: { fg: red }\n".write(
            to: directory.appendingPathComponent("mine.yaml"),
            atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(directories: [directory.path])
        let mine = try catalog.load("mine").theme
        #expect(mine.name == "mine")
        #expect(mine.style(.text).foreground == .ansi(1))
        #expect(mine.style(.header) == BuiltinThemes.defaultTheme.style(.header))
        // A default.yaml of one's own is read; the shipped one is the built-in (not parsed again).
        try BuiltinThemes.defaultYAML.replacingOccurrences(
            of: "text:                  { fg: default", with: "text:                  { fg: green"
        ).write(to: directory.appendingPathComponent("default.yaml"), atomically: true, encoding: .utf8)
        #expect(try catalog.load(nil).theme.style(.text).foreground == .ansi(2))
        let shipped = ThemeCatalog(directories: [projectRoot + "/themes"])
        #expect(try shipped.load("default").theme == BuiltinThemes.defaultTheme)
        let dirs = ThemeCatalog.defaultDirectories(
            environment: ["WARROOM_THEMES": "/a:/b"], currentDirectory: "/w",
            executablePath: "/p/.build/debug/warroom")
        #expect(Array(dirs.prefix(3)) == ["/a", "/b", "/w/themes"])
        #expect(dirs.contains("/p/themes"))
    }

    @Test("Severity keys by rank: SEV1 and P0 are both sev1")
    func severityKeys() {
        let sev1 = SeverityLevel(id: "SEV1", rank: 1, line: 1)
        let sev3 = SeverityLevel(id: "SEV3", rank: 3, line: 1)
        let p0 = SeverityLevel(id: "P0", rank: 0, line: 1)
        let p4 = SeverityLevel(id: "P4", rank: 4, line: 1)
        #expect(ThemeKey.severity(sev1) == .sev1)
        #expect(ThemeKey.severity(p0) == .sev1)
        #expect(ThemeKey.severity(sev3) == .sev3)
        #expect(ThemeKey.severity(p4) == .sev5)
        #expect(ThemeKey.severity(sev3, among: [sev1, sev3]) == .sev3)
        #expect(ThemeKey.severity(rank: 9, mostSevereRank: 0) == .sev5)
        #expect(ThemeKey.risk(.destructive) == .riskDestructive)
    }
}
