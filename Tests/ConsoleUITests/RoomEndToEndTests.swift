import Foundation
import Testing

/// The commander's room in the real binary (tmux): a procedure-only runbook's steps at once, the
/// SLA breach on the timeline, acknowledging, a hand-off briefing, a status update drafted in
/// `$EDITOR`, edited and recorded, and a follow-up; then the journal holds exactly that.
@Suite(
    "The room (tmux)", .serialized,
    .enabled(if: TerminalEndToEndTests.available, "tmux or the warroom binary not found"))
struct RoomEndToEndTests {
    typealias Session = TerminalEndToEndTests.Session

    static let runbook = """
        # API incident response

        ## Severity levels

        ### P0: API Completely Down

        **Response SLA**: Immediate

        **Steps**:
        1. Acknowledge the page in PagerDuty
        2. Check the load balancer health
        3. Roll back the last deploy

        ### P2: Elevated errors

        **Response SLA**: 30 minutes

        **Steps**:
        1. Look at the error dashboard
        2. Open a ticket

        ## Status update

        ```
        Severity: P[0-2]
        Status: INVESTIGATING / RESOLVED
        Impact: [who is affected]
        Next update: [time]
        ```
        """

    /// A temporary folder holding `name` with `text`, removed when the value goes away.
    final class Folder {
        let path: String
        init(_ name: String, _ text: String) throws {
            path = try AppEndToEndTests.temporaryStore()
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("Steps at once, breach recorded, acknowledge, hand-off briefing, edited update, follow-up")
    func room() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let room = try Folder("api.md", Self.runbook)
        let folder = room.path, book = folder + "/api.md"
        // The "editor" a commander would use, scripted: it fills in the impact line.
        let editor = folder + "/edit.sh"
        try "#!/bin/sh\nsed -i 's/^Impact: .*/Impact: every API call fails/' \"$1\"\n"
            .write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let store = folder + "/store"
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(book) --severity P0 --title 'API down' --store \(store)",
            width: 140, height: 44, environment: ["EDITOR": editor, "WARROOM_AUTHOR": "alice"])

        // The level's procedure is the checklist at once; an immediate response is breached at once.
        let first = try session.wait { $0.contains("Checklist 0/3") && $0.contains("SLA BREACHED") }
        #expect(first.contains("[ ] Acknowledge the page in PagerDuty"))
        _ = try session.wait { $0.contains("SLA       SLA breached: P0") }

        // Ticking the acknowledge step offers the milestone; y records it and the clock stops.
        try session.keys("Space")
        _ = try session.wait { $0.contains("Record acknowledged now (stops the SLA clock)? y / n") }
        try session.keys("y")
        _ = try session.wait { $0.contains("SLA breached by") && $0.contains("Milestone: acknowledged") }

        try Self.palette(session, "role commander=alice")
        _ = try session.wait { $0.contains("IC: alice") }
        try Self.palette(session, "handoff bob")
        let briefing = try session.wait { $0.contains("Hand-off briefing") }
        #expect(briefing.contains("Hand-off of commander on INC-"))
        #expect(briefing.contains("alice → bob"))
        #expect(briefing.contains("Steps (Procedure: API Completely Down): 1 done, 0 skipped, 2 open"))
        try session.keys("Escape")
        _ = try session.wait { $0.contains("IC: bob") }

        try Self.palette(session, "update")
        let draft = try session.wait { $0.contains("Status update: Enter sends") }
        #expect(draft.contains("Impact: every API call fails"))
        #expect(draft.contains("Severity: P0"))
        try session.keys("Enter")
        _ = try session.wait { $0.contains("Status update recorded: Severity: P0") }

        try Self.palette(session, "action check the acquirer @bob")
        _ = try session.wait { $0.contains("follow-up check the acquirer (@bob)") }
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))

        let kinds = try Spawn.run(warroom, ["timeline", "--json", "--store", store]).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["kind"] as? String
        }
        #expect(
            kinds == [
                "opened", "sla_breached", "item_ticked", "milestone", "role_assigned", "role_assigned",
                "status_update", "action_added"
            ])
        let actions = try Spawn.run(warroom, ["actions", "--store", store])
        #expect(actions.contains("open\t@bob\tcheck the acquirer"))
    }

    @Test("Acknowledged before the deadline: the countdown stops and says how long it took")
    func acknowledgeInTime() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let room = try Folder("api.md", Self.runbook)
        let folder = room.path, book = folder + "/api.md"
        let session = try Session(
            tmux: tmux, command: "\(warroom) open \(book) --severity P2 --title 'Errors up' --store \(folder)/store",
            width: 140, height: 44, environment: ["WARROOM_AUTHOR": "alice"])
        let counting = try session.wait { $0.contains("SLA 29:") && $0.contains(" left") }
        #expect(counting.contains("[ ] Look at the error dashboard"))
        try Self.palette(session, "milestone acknowledged")
        let stopped = try session.wait { $0.contains("✓ acknowledged in 00:0") }
        #expect(!stopped.contains(" left "))
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))
    }

    @Test("A walk: guided at once, no SLA, a note on its step, finished on the last step, its own report")
    func walk() throws {
        let tmux = try #require(TerminalEndToEndTests.tmux)
        let warroom = try #require(TerminalEndToEndTests.warroom)
        let walk = try Folder(
            "deploy.md",
            """
            # Payments deploys

            ## Incident checklist

            - [ ] Page the on-call

            ## Deployment checklist

            - [ ] Announce the deploy
            - [ ] Check the error rate
            - [ ] Deploy the canary
            """)
        let book = walk.path + "/deploy.md", store = walk.path + "/store"
        let session = try Session(
            tmux: tmux, command: "\(warroom) walk \(book) --store \(store)", width: 130, height: 40,
            environment: ["WARROOM_AUTHOR": "alice"])
        let first = try session.wait { $0.contains("⚑ WALK") && $0.contains("Step 1 of 3") }
        #expect(first.contains("walk: 0 of 3 steps") && !first.contains("SLA"))
        #expect(first.contains("Announce the deploy"))
        try session.keys("Enter")
        _ = try session.wait { $0.contains("walk: 1 of 3 steps") && $0.contains("Step 2 of 3") }
        try session.keys("n")
        _ = try session.wait { $0.contains("━ Note ━") }
        try session.run(["send-keys", "-t", "t", "-l", "error rate 0.2%"])
        try session.keys("Enter")
        _ = try session.wait { !$0.contains("━ Note ━") }
        try session.keys("Enter")
        try session.keys("s")
        _ = try session.wait { $0.contains("Record resolved now (the walk is finished)? y / n") }
        try session.keys("y")
        _ = try session.wait { $0.contains("Milestone: resolved") }
        try session.keys("q")
        #expect(try session.wait { $0.contains("WARROOM-EXIT-") }.contains("WARROOM-EXIT-0"))

        let report = try Spawn.run(warroom, ["postmortem", "--store", store])
        #expect(report.hasPrefix("# Walk: Deployment checklist"))
        #expect(report.contains("2 done, 1 skipped, 0 not done."))
        #expect(report.contains("| Announce the deploy | done |"))
        #expect(report.contains("error rate 0.2% (on step: Check the error rate)"))
        #expect(try Spawn.run(warroom, ["incident", "list", "--store", store]).contains("No open incidents."))
    }

    static func palette(_ session: Session, _ line: String) throws {
        try session.keys(":")
        try session.run(["send-keys", "-t", "t", "-l", line])
        try session.keys("Enter")
    }
}
