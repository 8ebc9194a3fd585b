import Foundation
import IncidentKit
import Testing

/// Presence and step claims on both engines: two journals on one store stand for two consoles
/// (two processes on one host for SQLite, two machines for PostgreSQL).
@Suite("Room presence and step claims")
struct JournalRoomTests {
    let store = TempStore()

    /// Two consoles' journals on the same store, with an incident open.
    func room(_ engine: JournalEngine) throws -> (any Journal, any Journal, String) {
        let first = try engine.open(store)
        let incident = try first.openIncident(title: "API down", severity: "SEV2", author: "alice").id
        return (first, try engine.open(store), incident)
    }

    static func member(_ name: String, host: String = RoomMember.thisHost) -> RoomMember {
        RoomMember(name: name, host: host)
    }

    @Test(arguments: JournalEngine.testable)
    func consolesJoinAreSeenByOthersAndLeave(engine: JournalEngine) throws {
        let (alicesJournal, bobsJournal, incident) = try room(engine)
        let alice = Self.member("alice"), bob = Self.member("bob")
        try alicesJournal.heartbeat(alice, incident: incident, expiresAfter: 60)
        try bobsJournal.heartbeat(bob, incident: incident, expiresAfter: 60)
        try alicesJournal.heartbeat(alice, incident: incident, expiresAfter: 60) // a renewal, not a second member
        #expect(try bobsJournal.members(incident: incident).map(\.name) == ["alice", "bob"])
        #expect(try alicesJournal.members(incident: incident).map(\.id) == [alice.id, bob.id])
        #expect(try bobsJournal.members(incident: "INC-19990101-1").isEmpty, "another incident's room is empty")
        try alicesJournal.leave(alice.id, incident: incident)
        #expect(try bobsJournal.members(incident: incident).map(\.name) == ["bob"])
        #expect(try bobsJournal.events(incident: incident).map(\.kind) == [.opened], "presence is not on the timeline")
    }

    @Test(arguments: JournalEngine.testable)
    func aConsoleThatStopsRenewingDropsOutAfterItsExpiry(engine: JournalEngine) throws {
        let (first, second, incident) = try room(engine)
        // On another host: only the expiry can tell that it is gone.
        let gone = Self.member("carol", host: "elsewhere-\(UUID().uuidString.prefix(8))")
        try first.heartbeat(gone, incident: incident, expiresAfter: 0.6)
        #expect(try second.members(incident: incident).map(\.name) == ["carol"])
        usleep(900_000)
        #expect(try second.members(incident: incident).isEmpty)
    }

    @Test(arguments: JournalEngine.testable)
    func aClaimedStepIsRefusedToOthersWithItsHolderUntilReleased(engine: JournalEngine) throws {
        let (alicesJournal, bobsJournal, incident) = try room(engine)
        let alice = Self.member("alice"), bob = Self.member("bob")
        try alicesJournal.heartbeat(alice, incident: incident, expiresAfter: 60)
        try bobsJournal.heartbeat(bob, incident: incident, expiresAfter: 60)
        let step = "#3 Restart the API"
        let command = "kubectl rollout restart deploy/api"
        #expect(try alicesJournal.claim(step: step, command: command, by: alice, incident: incident) == nil)
        let refused = try #require(try bobsJournal.claim(step: step, command: "other", by: bob, incident: incident))
        #expect(refused.holder.name == "alice" && refused.holder.id == alice.id)
        #expect(refused.command == command && refused.step == step)
        #expect(abs(refused.since.timeIntervalSinceNow) < 30)
        // Another step is free; the claims list has both, oldest first.
        #expect(
            try bobsJournal.claim(step: "#4", command: "systemctl restart nginx", by: bob, incident: incident) == nil)
        #expect(
            try alicesJournal.claims(incident: incident).map { [$0.step, $0.holder.name] } == [
                [step, "alice"], ["#4", "bob"]
            ])

        // Claimed twice by the same console (two runs of it): free once both are given back.
        #expect(try alicesJournal.claim(step: step, command: command, by: alice, incident: incident) == nil)
        try alicesJournal.release(step: step, by: alice.id, incident: incident)
        #expect(
            try bobsJournal.claim(step: step, command: "other", by: bob, incident: incident)?.holder.name == "alice")
        try alicesJournal.release(step: step, by: alice.id, incident: incident)
        #expect(try bobsJournal.claim(step: step, command: "bob's run", by: bob, incident: incident) == nil)
        #expect(
            try alicesJournal.claim(step: step, command: command, by: alice, incident: incident)?.command == "bob's run"
        )

        // Leaving gives back every claim.
        try bobsJournal.leave(bob.id, incident: incident)
        #expect(try alicesJournal.claim(step: step, command: command, by: alice, incident: incident) == nil)
        #expect(try alicesJournal.claim(step: "#4", command: command, by: alice, incident: incident) == nil)
        #expect(try bobsJournal.claims(incident: incident).map(\.holder.name) == ["alice", "alice"])
        #expect(try bobsJournal.events(incident: incident).map(\.kind) == [.opened], "claims are not on the timeline")
    }

    @Test func aClaimOfAConsoleWhoseProcessDiedOnThisHostIsFreeAtOnce() throws {
        let (first, second, incident) = try room(.sqlite)
        // A real process that has ended: its pid no longer runs.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = RoomMember(name: "dan", host: RoomMember.thisHost, pid: process.processIdentifier)
        try first.heartbeat(dead, incident: incident, expiresAfter: 60)
        #expect(try first.claim(step: "#1", command: "rm -rf /var/cache/api", by: dead, incident: incident) == nil)
        #expect(try second.members(incident: incident).isEmpty, "killed with -9: gone before its expiry")
        #expect(try second.claims(incident: incident).isEmpty)
        let erin = Self.member("erin")
        try second.heartbeat(erin, incident: incident, expiresAfter: 60)
        #expect(try second.claim(step: "#1", command: "rm -rf /var/cache/api", by: erin, incident: incident) == nil)
    }
}
