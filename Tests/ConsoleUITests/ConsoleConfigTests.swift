import Foundation
import RunbookKit
import Testing
@testable import ConsoleUI

@Suite("Console configuration")
struct ConsoleConfigTests {
    private func folder(with yaml: String) throws -> String {
        let dir = NSTemporaryDirectory() + "warroom-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try yaml.write(toFile: dir + "/warroom.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("theme: light beside the runbook is used unless --theme is given")
    func themeFromConfig() throws {
        let dir = try folder(with: "theme: light\n")
        let settings = ConsoleConfig.load(explicit: nil, firstRunbook: dir + "/runbook.md")
        #expect(settings.themeName(option: nil) == "light")
        #expect(settings.themeName(option: "mono") == "mono")
        #expect(settings.banner == nil)
        let catalog = ThemeCatalog(directories: [projectRoot + "/themes"])
        let light = try catalog.load(settings.themeName(option: nil)).theme
        #expect(light != BuiltinThemes.defaultTheme)
        let explicit = ConsoleConfig.load(explicit: dir + "/warroom.yaml", firstRunbook: nil)
        #expect(explicit.themeName(option: nil) == "light")
    }

    @Test("A bad key is reported with its file, line and key, not fatally")
    func badKeyBanner() throws {
        let dir = try folder(with: "theme: light\ncolour: red\n")
        let settings = ConsoleConfig.load(explicit: dir + "/warroom.yaml", firstRunbook: nil)
        let banner = try #require(settings.banner)
        #expect(banner.hasPrefix("warroom.yaml:2: warning: colour: unknown key"))
        #expect(!settings.hasErrors)
        #expect(settings.themeName(option: nil) == "light")
    }

    @Test("No config beside the runbook: nothing; a missing --config: an error banner")
    func missing() {
        let none = ConsoleConfig.load(explicit: nil, firstRunbook: "/nonexistent/runbook.md")
        #expect(none.config == nil && none.banner == nil)
        let gone = ConsoleConfig.load(explicit: "/nonexistent/warroom.yaml", firstRunbook: nil)
        #expect(gone.hasErrors)
        #expect(gone.banner?.contains("warroom.yaml: error") == true)
    }
}
