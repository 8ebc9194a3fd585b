import Foundation
import IncidentKit
@testable import PostgresJournal
import Testing

/// sslmode and sslrootcert (URL or PGSSLMODE / PGSSLROOTCERT) against the test server, which speaks
/// TLS with a certificate for localhost and 127.0.0.1 from its own throw-away authority.
@Suite(
    "PostgreSQL TLS",
    .enabled(
        if: PostgresTestServer.url != nil && ProcessInfo.processInfo.environment["WARROOM_TEST_PG_ROOTCERT"] != nil,
        "WARROOM_TEST_PG_ROOTCERT is unset (scripts/test.sh starts a PostgreSQL server with TLS)"))
struct PostgresTLSTests {
    let store = TempStore()
    var rootCert: String { ProcessInfo.processInfo.environment["WARROOM_TEST_PG_ROOTCERT"] ?? "" }
    var otherCert: String { ProcessInfo.processInfo.environment["WARROOM_TEST_PG_OTHERCERT"] ?? "" }

    /// A fresh database's URL with another host, and these query parameters instead of sslmode=disable.
    func url(host: String = "127.0.0.1", _ query: String) throws -> String {
        let database = try PostgresTestServer.createDatabase()
        return database.replacingOccurrences(of: "sslmode=disable", with: query)
            .replacingOccurrences(of: "@127.0.0.1:", with: "@\(host):")
    }

    /// Whether the journal's own connection is encrypted, as the server sees it.
    func encrypted(_ journal: PostgresJournal) throws -> Bool {
        try journal.session.run("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .first.map { try $0.decode(Bool.self) } ?? false
    }

    func open(_ text: String, environment: [String: String] = [:]) throws -> PostgresJournal {
        try PostgresJournal(url: PostgresStoreURL(text, environment: environment), location: store.location)
    }

    @Test func requireEncryptsWithoutCheckingTheCertificate() throws {
        #expect(try encrypted(open(url("sslmode=require"))))
        #expect(try !encrypted(open(url("sslmode=disable"))))
        // PGSSLMODE when the URL has none.
        #expect(try encrypted(open(url("x=1"), environment: ["PGSSLMODE": "require"])))
    }

    @Test func verifyFullWithTheRightRootChecksTheHostName() throws {
        let journal = try open(url(host: "localhost", "sslmode=verify-full&sslrootcert=\(rootCert)"))
        #expect(try encrypted(journal))
        #expect(try journal.openIncident(title: "over TLS", severity: "SEV3", author: "t").id.hasPrefix("INC-"))
        let fromEnvironment = try open(
            url(host: "localhost", "x=1"),
            environment: ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": rootCert])
        #expect(try encrypted(fromEnvironment))
    }

    @Test func verifyFullWithAnotherRootIsAClearError() throws {
        let text = try url(host: "localhost", "sslmode=verify-full&sslrootcert=\(otherCert)")
            .replacingOccurrences(of: "warroom@", with: "warroom:not-a-secret@")
        let error = #expect(throws: JournalError.self) { try open(text) }
        guard case .tlsFailed(let shown, let detail) = error else {
            Issue.record("expected tlsFailed, got \(String(describing: error))")
            return
        }
        #expect(shown.hasPrefix("postgres://warroom@localhost:") && !shown.contains("not-a-secret"))
        #expect(detail == "the server's certificate is not signed by a trusted root (sslrootcert \(otherCert))")
        #expect(error?.description.contains("not-a-secret") == false)

        // The system's roots do not know the test authority either.
        let system = #expect(throws: JournalError.self) { try open(url(host: "localhost", "sslmode=verify-full")) }
        #expect(
            system?.description.contains("not signed by a trusted root (the system's roots; give sslrootcert=FILE)")
                == true)
    }

    @Test func aMissingRootFileAndABadModeAreNamed() throws {
        let missing = store.directory.appendingPathComponent("no-such-ca.crt").path
        let error = #expect(throws: JournalError.self) {
            try open(url(host: "localhost", "sslmode=verify-full&sslrootcert=\(missing)"))
        }
        #expect(error == .database(path: missing, detail: "cannot read this sslrootcert file"))
        #expect(
            throws: JournalError.invalidValue(
                what: "PGSSLMODE", value: "always",
                valid: ["disable", "prefer", "require", "verify-full"])
        ) {
            try PostgresStoreURL("postgres://a@db.example/x", environment: ["PGSSLMODE": "always"])
        }
        let parsed = try PostgresStoreURL(
            "postgres://a@db.example/x?sslmode=disable",
            environment: ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": "/etc/ca.pem"])
        #expect(parsed.sslMode == .disable && parsed.rootCertificate == "/etc/ca.pem")
    }
}
