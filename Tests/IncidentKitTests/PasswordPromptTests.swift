import Foundation
import Testing

/// The password prompt: on a terminal (a real pseudo-terminal) warroom asks once, echo off, when the
/// server wants a password no source gave; without a terminal the error names the URL and the sources.
@Suite(
    "PostgreSQL password prompt", .serialized,
    .enabled(
        if: PostgresTestServer.url != nil && WarroomBinary.url != nil,
        "needs WARROOM_TEST_POSTGRES (scripts/test.sh) and the warroom binary"))
struct PasswordPromptTests {
    let home = TempStore()

    /// A database owned by a new role with a password; the URL names the role, no password.
    func roleURL() throws -> (url: String, redacted: String) {
        let admin = try PostgresTestServer.createDatabase()
        let database = String(admin.split(separator: "/").last!.split(separator: "?")[0])
        let user = "p_" + database.suffix(8)
        try PostgresTestServer.psql(
            admin, "CREATE ROLE \(user) LOGIN PASSWORD 'typed-pw'; ALTER DATABASE \(database) OWNER TO \(user)")
        let url = admin.replacingOccurrences(of: "warroom@", with: "\(user)@")
        let port = try #require(URLComponents(string: url)?.port)
        return (url, "postgres://\(user)@127.0.0.1:\(port)/\(database)")
    }

    /// No PGPASSWORD, no ~/.pgpass: the only source left is the person.
    var environment: [String: String] {
        [
            "HOME": home.directory.path, "PGPASSFILE": home.directory.appendingPathComponent("none").path,
            "PGPASSWORD": "", "XDG_DATA_HOME": home.directory.appendingPathComponent("xdg").path, "WARROOM_STORE": ""
        ]
    }

    @Test func aTerminalIsAskedOnceWithEchoOff() throws {
        let (url, redacted) = try roleURL()
        let binary = try #require(WarroomBinary.url)
        let terminal = try #require(
            PseudoTerminal.start(
                binary.path, ["incident", "list", "--store", url],
                environment: environment))
        defer { terminal.finish(quit: nil) }
        var output: [UInt8] = []
        #expect(
            terminal.wait(for: "Password for \(redacted): ", timeout: 20, output: &output) != nil,
            "\(String(decoding: output, as: UTF8.self))")
        terminal.write("typed-pw\n")
        #expect(
            terminal.wait(for: "No open incidents", timeout: 20, output: &output) != nil,
            "\(String(decoding: output, as: UTF8.self))")
        #expect(!String(decoding: output, as: UTF8.self).contains("typed-pw"), "the password was echoed")
    }

    @Test func withoutATerminalTheErrorNamesTheURLAndTheSources() throws {
        let (url, redacted) = try roleURL()
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in self.environment { environment[key] = value }
        let result = try WarroomBinary.run(["incident", "list", "--store", url], environment: environment)
        #expect(result.status == 1)
        #expect(!result.err.contains("Password for"))
        #expect(result.err.contains("the journal server \(redacted) refused the credentials"))
        #expect(result.err.contains("PGPASSWORD or ~/.pgpass"))
        let wrong = try WarroomBinary.run(
            ["incident", "list", "--store", url.replacingOccurrences(of: "@", with: ":bad-pw@")],
            environment: environment)
        #expect(wrong.status == 1 && wrong.err.contains("refused the credentials (password authentication failed"))
        #expect(!wrong.err.contains("bad-pw"))
    }
}
