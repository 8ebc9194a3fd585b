import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// Who is in the room (the header) and whose claim refused a run (the footer), read off the
/// rendered screen. The runtime's side (the journal's presence and claims) is tested in
/// IncidentKitTests and, end to end, in SharedRoomEndToEndTests.
@Suite("Presence and step claims in the console (pure)")
struct RoomPresenceTests {
    static func screen(_ state: AppState) -> [String] {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines
    }

    static let joined = AppFixture.start.addingTimeInterval(5)
    static func person(_ name: String, host: String = "laptop") -> RoomPresence.Person {
        .init(name: name, host: host, since: joined)
    }

    @Test("The header says who is in the room, each person once, after the roles")
    func header() {
        var state = AppFixture.state(width: 140)
        #expect(!Self.screen(state)[1].contains("in room"), "nobody known yet: nothing said")
        _ = AppUpdate.update(&state, .room(RoomPresence(people: [Self.person("alice"), Self.person("bob")])))
        let line = Self.screen(state)[1]
        #expect(line.hasSuffix("in room: alice, bob (2)"))
        #expect(line.contains("IC: alice "), "after the roles")
        // Bob opens a second console; Alice quits.
        _ = AppUpdate.update(
            &state, .room(RoomPresence(people: [Self.person("bob"), Self.person("bob", host: "bastion")])))
        #expect(Self.screen(state)[1].hasSuffix("in room: bob ×2 (1)"))
    }

    @Test("A run refused by another console's claim says who holds it, since when, running what; nothing starts")
    func refusal() {
        var state = AppFixture.state()
        let since = Date(timeIntervalSince1970: 1_795_000_000 + 47_000)
        let hold = RoomPresence.Hold(
            step: ClaimKey.step(commandId: 1, title: "Roll back"), holder: "alice", since: since,
            command: "kubectl rollout undo deploy/api")
        #expect(AppUpdate.update(&state, .claimRefused(hold, commandId: 1)).isEmpty)
        let text =
            "Not run: claimed by alice since \(String(TimeText.clock(since).prefix(5))) — running `kubectl rollout "
            + "undo deploy/api`"
        #expect(state.footer == .error(text))
        #expect(Self.screen(state).last?.contains(text) == true)
        #expect(state.runs.isEmpty)
    }

    @Test("The refusal's time is the claim's start as HH:MM (UTC), a long command cut to one short line")
    func refusalText() {
        let since = Date(timeIntervalSince1970: 13 * 3600 + 2 * 60 + 41)
        let long =
            "kubectl rollout restart deployment/checkout-api --namespace payments-production-eu-west-1\nsecond line"
        let text = RoomPresenceText.refusal(.init(step: "#4", holder: "alice", since: since, command: long))
        #expect(
            text
                == "Not run: claimed by alice since 13:02 — running `kubectl rollout restart deployment/checkout-api "
                + "--namespace…`"
        )
    }

    @Test(
        "The commands pane marks a step another console holds with ⚑ and its holder; this console's own is not marked")
    func commandsPaneMark() {
        var state = AppFixture.state()
        state.focus = .commands
        let step = ClaimKey.step(commandId: 1, title: "Roll back")
        _ = AppUpdate.update(
            &state,
            .room(
                RoomPresence(holds: [
                    .init(
                        step: step, holder: "alice", since: Self.joined,
                        command: "kubectl rollout undo deploy/api")
                ])))
        #expect(Self.screen(state).contains { $0.contains("⚑ alice Roll back") })
        _ = AppUpdate.update(
            &state,
            .room(
                RoomPresence(holds: [
                    .init(
                        step: step, holder: "me", since: Self.joined,
                        command: "kubectl rollout undo deploy/api", mine: true)
                ])))
        #expect(!Self.screen(state).contains { $0.contains("⚑ me") })
    }

    @Test("Only changes claim: a read or a dry run never does; the key is the runbook command, not its values")
    func whatClaims() throws {
        let state = AppFixture.state()
        func prepared(_ id: Int, values: [String: String] = [:]) throws -> PreparedRun {
            try RunPreparer.prepare(
                try #require(state.command(id: id)), values: values, settings: state.runnerSettings,
                environment: [:], interactive: false)
        }
        let change = try prepared(1)
        #expect(ClaimKey.needsClaim(change, dryRun: false))
        #expect(!ClaimKey.needsClaim(change, dryRun: true))
        #expect(!ClaimKey.needsClaim(try prepared(2), dryRun: false))
        #expect(ClaimKey.step(change) == "#1 Roll back")
        #expect(ClaimKey.step(try prepared(2)) == "#2")
    }
}
