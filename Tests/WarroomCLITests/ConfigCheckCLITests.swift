import Foundation
import Testing
import WarroomTestSupport

/// `warroom config check [FILE]`: a warroom.yaml's problems as file:line, before any console opens.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct ConfigCheckCLITests {
    static let example = WarroomBinary.packageRoot.appendingPathComponent("examples/warroom.yaml").path

    /// A fresh folder holding `warroom.yaml` with `text`.
    static func folder(with text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warroom-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("warroom.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theExampleHasNoProblems() throws {
        let (status, out, err) = try WarroomBinary.run(["config", "check", Self.example])
        #expect(status == 0, "\(err)")
        #expect(out == "\(Self.example): no problems\n")
    }

    @Test func errorsAreNamedByLineAndKeyAndExitOne() throws {
        let folder = try Self.folder(
            with: """
                theme: mono
                metrics:
                  - name: Queue Depth
                    command: echo 3
                    every: soon
                  - name: Two Sources
                    host: cpu
                    http: https://example.com/health
                """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("warroom.yaml").path
        let (status, out, _) = try WarroomBinary.run(["config", "check", file])
        #expect(status == 1)
        #expect(
            out.contains("\(file):5: error: metrics[0].Queue Depth.every: cannot read 'soon' as an interval"), "\(out)")
        #expect(out.contains("\(file):6: error: metrics[1].Two Sources: give one source"), "\(out)")
        #expect(out.hasSuffix("\(file): 2 errors, 0 warnings\n"))
    }

    @Test func warningsFailOnlyWhenStrictAndTheDefaultFileIsHere() throws {
        let folder = try Self.folder(with: "theme: mono\ncolour: blue\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let relaxed = try WarroomBinary.run(["config", "check"], directory: folder)
        #expect(relaxed.status == 0, "\(relaxed.err)")
        #expect(relaxed.out.contains("warroom.yaml:2: warning: colour: unknown key"), "\(relaxed.out)")
        #expect(try WarroomBinary.run(["config", "check", "--strict"], directory: folder).status == 1)
    }

    @Test func aMissingFileExitsOne() throws {
        let (status, _, err) = try WarroomBinary.run(["config", "check", "/nonexistent/warroom.yaml"])
        #expect(status == 1)
        #expect(err.contains("/nonexistent/warroom.yaml: no such file"))
    }
}
