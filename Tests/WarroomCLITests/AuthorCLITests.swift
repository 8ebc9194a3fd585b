import Foundation
import Testing
import WarroomTestSupport

/// Who an event is written by, as the binary decides it from its options and environment.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct AuthorCLITests {
    /// This process's environment without the variables that name a user, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in ["USER", "LOGNAME", "WARROOM_AUTHOR", "WARROOM_STORE"] { env[name] = nil }
        return env.merging(extra) { $1 }
    }

    /// Opens an incident in a fresh store and returns the author of its first event.
    func openingAuthor(_ extraArguments: [String] = [], environment: [String: String]) throws -> String {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-author-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        let opened = try WarroomBinary.run(
            [
                "incident", "open", "--title", "Author check", "--severity", "SEV2",
                "--store", store.path
            ] + extraArguments, environment: environment)
        #expect(opened.status == 0, "\(opened.err)")
        let timeline = try WarroomBinary.run(["timeline", "--json", "--store", store.path], environment: environment)
        let first = try #require(timeline.out.split(separator: "\n").first)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        return try #require(event["author"] as? String)
    }

    /// The login name of this uid as the system tools see it.
    static func loginName() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/id")
        process.arguments = ["-un"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/id"), "no /usr/bin/id"))
    func withoutUserOrLognameTheAccountDatabaseNamesTheAuthor() throws {
        let author = try openingAuthor(environment: Self.environment())
        let login = try Self.loginName()
        #expect(!login.isEmpty)
        #expect(author.hasPrefix(login + "@"), "\(author)")
        #expect(!author.hasPrefix("unknown@"))
        // The host part is the same one $USER would get.
        let withUser = try openingAuthor(environment: Self.environment(["USER": "alice"]))
        #expect(withUser.hasPrefix("alice@"))
        #expect(author.split(separator: "@").last == withUser.split(separator: "@").last)
    }

    @Test func lognameIsUsedWhenUserIsUnset() throws {
        #expect(try openingAuthor(environment: Self.environment(["LOGNAME": "bob"])).hasPrefix("bob@"))
    }

    @Test func theEnvironmentVariableAndTheOptionWin() throws {
        let env = Self.environment(["USER": "alice", "WARROOM_AUTHOR": "scribe"])
        #expect(try openingAuthor(environment: env) == "scribe")
        #expect(try openingAuthor(["--as", "carol"], environment: env) == "carol")
    }
}
