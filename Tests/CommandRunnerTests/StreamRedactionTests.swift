import CommandRunner
import Foundation
import IncidentKit
import RunbookKit
import Testing

/// #11: output is redacted as a stream — a multi-line private key and a secret across the line
/// cap's cut never reach the output file or the journal.
@Suite("Output redacted as a stream")
struct StreamRedactionTests {
    let store = RunnerTempStore()

    func runRecorded(_ script: String) async throws -> (log: String, journal: String) {
        let journal = try SQLiteJournal(location: store.location)
        let incident = try journal.openIncident(title: "Keys", severity: "SEV2", author: "alice")
        let board = RunBoard(journal: journal, incident: incident.id, author: "alice", redactor: journal.storedRedactor)
        let end = await (try board.start(bashRun(script))).wait()
        let log = try String(
            contentsOf: store.directory.appendingPathComponent(try #require(end.outputPath)), encoding: .utf8)
        let events = try journal.events(incident: incident.id).map(\.payloadJSON).joined(separator: "\n")
        return (log, events)
    }

    static let keyBody = [
        "MIIEowIBAAKCAQEA7bq9mQ0Xr2JcVJ7y8m7r0Q2zq3aBcDeFgHiJkLmNoPqRsTuV",
        "kq9z0f8QwErTyUiOpAsDfGhJkLzXcVbNm1234567890abcdefghijklmnopqrs"
    ]

    @Test func privateKeyBlockAcrossLines() async throws {
        let script =
            "echo before; echo '-----BEGIN RSA PRIVATE KEY-----'; echo '\(Self.keyBody[0])'; echo '\(Self.keyBody[1])'; "
            + "echo '-----END RSA PRIVATE KEY-----'; echo after"
        let (log, journal) = try await runRecorded(script)
        #expect(
            log
                == "before\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n[REDACTED]\n-----END RSA PRIVATE KEY-----\nafter\n"
        )
        for body in Self.keyBody { #expect(!journal.contains(body)) }
    }

    @Test func keyWhoseBeginIsBeforeTheTail() async throws {
        let lines = (1...30).map { "echo line\($0)" }.joined(separator: "; ")
        let script =
            "echo '-----BEGIN PRIVATE KEY-----'; for i in $(seq 1 25); do echo '\(Self.keyBody[0])'; done; "
            + "echo '-----END PRIVATE KEY-----'; " + lines
        let (log, journal) = try await runRecorded(script)
        #expect(!log.contains(Self.keyBody[0]) && !journal.contains(Self.keyBody[0]))
        _ = lines
    }

    @Test func secretAcrossTheLineCap() async throws {
        // 4090 characters, then a secret assignment that the 4096-character cut splits in two.
        let script = "printf '%*s' 4090 '' | tr ' ' x; echo ' password=hunter2-Zq9-long-secret done'"
        let (log, journal) = try await runRecorded(script)
        #expect(!log.contains("hunter2") && !log.contains("Zq9"), "\(log.suffix(80))")
        #expect(
            log.contains(String(repeating: "x", count: 4090) + " password=[REDACTED] done\n"),
            "one line again in the file")
        #expect(!journal.contains("hunter2") && !journal.contains("Zq9"), "\(journal.suffix(300))")
    }
}
