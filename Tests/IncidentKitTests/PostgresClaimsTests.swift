import Foundation
import IncidentKit
@testable import PostgresJournal
import Testing

/// Step claims when the connection holding them is lost while the console's run goes on: taken
/// again at the next heartbeat, unless another console took the step meanwhile.
@Suite(
    "PostgreSQL step claims across a lost connection", .serialized,
    .enabled(
        if: PostgresTestServer.url != nil, "WARROOM_TEST_POSTGRES is unset (scripts/test.sh starts a PostgreSQL server)"
    ))
struct PostgresClaimsTests {
    let alicesStore = TempStore(), bobsStore = TempStore()

    @Test func aLostClaimIsTakenAgainAtTheNextHeartbeatUnlessAnotherConsoleTookIt() throws {
        let server = try PostgresTestServer.createDatabase()
        let url = try PostgresStoreURL(server, environment: [:])
        let alicesJournal = try PostgresJournal(url: url, location: alicesStore.location)
        let bobsJournal = try PostgresJournal(url: url, location: bobsStore.location)
        let incident = try alicesJournal.openIncident(title: "API down", severity: "SEV2", author: "alice").id
        let alice = RoomMember(name: "alice", host: "laptop-a"), bob = RoomMember(name: "bob", host: "laptop-b")
        #expect(try alicesJournal.claim(step: "#3", command: "rm -rf /srv/cache", by: alice, incident: incident) == nil)
        #expect(
            try alicesJournal.claim(step: "#4", command: "systemctl restart api", by: alice, incident: incident) == nil)
        let since = try #require(try bobsJournal.claims(incident: incident).first?.since)

        // The server ends the session holding Alice's locks (as a restart or a network cut would).
        _ = try PostgresTestServer.psql(
            server,
            """
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
            """)
        #expect(try bobsJournal.claims(incident: incident).isEmpty, "the locks went with the session")
        #expect(try bobsJournal.claim(step: "#4", command: "bob's restart", by: bob, incident: incident) == nil)

        try alicesJournal.heartbeat(alice, incident: incident, expiresAfter: 60)
        let claims = try bobsJournal.claims(incident: incident)
        #expect(
            claims.map { [$0.step, $0.holder.name, $0.command] } == [
                ["#3", "alice", "rm -rf /srv/cache"], ["#4", "bob", "bob's restart"]
            ])
        #expect(claims.first?.since == since, "a claim taken again keeps its time")
        #expect(
            try bobsJournal.claim(step: "#3", command: "bob's run", by: bob, incident: incident)?.holder.name == "alice"
        )
        // The step Bob took is no longer Alice's: her release leaves his claim alone.
        try alicesJournal.release(step: "#4", by: alice.id, incident: incident)
        #expect(try alicesJournal.claims(incident: incident).map(\.holder.name) == ["alice", "bob"])
    }
}
