import Foundation
import Testing
import WarroomTestSupport

/// What `make install` runs besides the binary.
enum InstallTools {
    static var present: Bool {
        ["/usr/bin/make", "/bin/bash"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
            && (try? InstallTests.run("/bin/bash", ["-c", "command -v python3"]).status) == 0
    }
}

/// `make install` / `make uninstall` into a temporary DESTDIR, with the warroom built for the tests
/// (`WARROOM_BIN`: no second, release, build inside the test run).
@Suite(
    .enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"),
    .enabled(if: InstallTools.present, "make, bash or python3 is missing"))
struct InstallTests {
    /// Runs a tool to completion; returns exit status and stdout + stderr together.
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> (
        status: Int32, out: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func files(under folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }.map { String($0.path.dropFirst(folder.path.count)) }.sorted()
    }

    /// `SUBCOMMANDS:` of `warroom --help`, without `help`.
    static func subcommands(help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { return [] }
        // A name starts a line after two blanks; wrapped abstracts are indented further.
        return lines[(start + 1)...].prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0 != "help" }
    }

    @Test func installsUsableFilesAndUninstallRemovesThem() throws {
        let destdir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: destdir) }
        let root = WarroomBinary.packageRoot.path
        let variables = [
            "WARROOM_BIN=\(try #require(WarroomBinary.url).path)", "PREFIX=/usr/local", "DESTDIR=\(destdir.path)"
        ]

        let install = try Self.run("/usr/bin/make", ["-C", root, "--no-print-directory", "install"] + variables)
        #expect(install.status == 0, "\(install.out)")
        let prefix = destdir.appendingPathComponent("usr/local")
        let themes = try FileManager.default.contentsOfDirectory(
            atPath: WarroomBinary.packageRoot.appendingPathComponent("themes").path
        )
        .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(
            Self.files(under: prefix)
                == ([
                    "/bin/warroom", "/share/bash-completion/completions/warroom",
                    "/share/fish/vendor_completions.d/warroom.fish",
                    "/share/man/man1/warroom.1", "/share/warroom/warroom.schema.json",
                    "/share/zsh/site-functions/_warroom"
                ] + themes.map { "/share/warroom/themes/\($0)" }).sorted())

        // The installed binary runs, and finds the installed themes from any folder.
        let binary = prefix.appendingPathComponent("bin/warroom")
        let help = try WarroomBinary.run(["--help"], executable: binary)
        #expect(help.status == 0 && help.out.contains("USAGE: warroom"), "\(help.err)")
        let listed = try WarroomBinary.run(["themes"], directory: destdir, executable: binary)
        #expect(
            listed.out.contains(prefix.appendingPathComponent("share/warroom/themes/mono.yaml").path), "\(listed.out)")

        // The man page documents every subcommand the binary has.
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/warroom.1"), encoding: .utf8)
        let names = Self.subcommands(help: help.out)
        #expect(names.contains("check") && names.contains("incident"))
        for name in names {
            #expect(manual.contains(".SS \"warroom \(name)\""), "the man page lacks \(name)")
        }
        #expect(manual.hasPrefix(".\\\"") && manual.contains(".TH WARROOM 1"))

        // bash can load the completion; zsh and fish get theirs.
        let completion = prefix.appendingPathComponent("share/bash-completion/completions/warroom").path
        let loaded = try Self.run("/bin/bash", ["-c", "source '\(completion)' && complete -p warroom"])
        #expect(loaded.status == 0 && loaded.out.contains("-F _warroom warroom"), "\(loaded.out)")
        let zsh = try String(
            contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_warroom"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef warroom"))
        let fish = try String(
            contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/warroom.fish"),
            encoding: .utf8)
        #expect(fish.contains("complete -c 'warroom'"))

        let uninstall = try Self.run("/usr/bin/make", ["-C", root, "--no-print-directory", "uninstall"] + variables)
        #expect(uninstall.status == 0, "\(uninstall.out)")
        #expect(Self.files(under: destdir) == [])
    }
}
