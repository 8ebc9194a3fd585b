import Foundation
import Testing
import WarroomTestSupport

/// `warroom action/actions`, `handoff` and `update`: the commander's room from the command line.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct RoomCLITests {
    final class Room {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warroom-room-\(UUID().uuidString)")
        var store: String { folder.appendingPathComponent("store").path }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func run(_ args: String..., stdin: String? = nil, author: String = "alice") throws
            -> (status: Int32, out: String, err: String)
        {
            try WarroomBinary.run(args + ["--store", store, "--as", author], stdin: stdin)
        }

        func write(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    static let runbook = """
        # Payments API

        | Severity | Response | Communication |
        |---|---|---|
        | SEV1 | 5 minutes | Status page update every 30 minutes |
        | SEV2 | 30 minutes | Engineering channel |

        ## Incident checklist

        - [ ] Page the on-call
        - [ ] Roll back the last deploy
        - [ ] Post the all-clear

        **Status Update Template:**

        ```
        Service: Payments API
        Severity: SEV[1-2]
        Status: INVESTIGATING / IDENTIFIED / RESOLVED
        Impact: [Who is affected and how]
        Next update: [Time]
        ```
        """

    @Test func followUpsAreAddedListedAndClosed() throws {
        let room = try Room()
        #expect(try room.run("incident", "open", "--title", "Checkout 5xx", "--severity", "SEV2").status == 0)
        let added = try room.run("action", "Alert on pool saturation", "--owner", "bob")
        #expect(added.status == 0, "\(added.err)")
        #expect(added.out.hasSuffix("@bob\n"))
        #expect(try room.run("action", "Rotate the key @carol").status == 0)
        #expect(try room.run("note", "TODO: write the customer note").status == 0)

        let listed = try room.run("actions")
        #expect(
            listed.out.split(separator: "\n").map(String.init) == [
                "#2\topen\t@bob\tAlert on pool saturation",
                "#3\topen\t@carol\tRotate the key",
                "#4\topen\t(no owner)\twrite the customer note"
            ])
        #expect(try room.run("action", "--close", "2").status == 0)
        #expect(try room.run("action", "--close", "4", "--reason", "covered by #3").status == 0)
        let again = try room.run("action", "--close", "2")
        #expect(again.status != 0)
        #expect(again.err.contains("already done"))
        let unknown = try room.run("action", "--close", "99")
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("99") && unknown.err.contains("#2"))

        let csv = try room.run("actions", "--csv").out.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",")
        }
        #expect(
            csv == [
                "id,state,owner,text", "2,done,bob,Alert on pool saturation", "3,open,carol,Rotate the key",
                "4,dropped,,write the customer note"
            ])
        let open = try room.run("actions", "--open", "--json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(open.out.utf8)) as? [[String: Any]])
        #expect(items.map { $0["text"] as? String } == ["Rotate the key"])
    }

    @Test func aHandoffRecordsTheRoleAndPrintsTheBriefing() throws {
        let room = try Room()
        let runbook = try room.write("payments.md", Self.runbook)
        #expect(
            try room.run("incident", "open", "--title", "Checkout 5xx", "--severity", "SEV1", "--runbook", runbook)
                .status == 0)
        #expect(try room.run("incident", "set", "--role", "commander=alice").status == 0)
        #expect(try room.run("note", "Rolled back 1.4.2; errors dropping").status == 0)
        #expect(try room.run("action", "Check the acquirer's status page", "--owner", "bob").status == 0)

        let handoff = try room.run("handoff", "--to", "bob")
        #expect(handoff.status == 0, "\(handoff.err)")
        let lines = handoff.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(": alice → bob") == true)
        #expect(lines.contains { $0.hasPrefix("Severity SEV1, status investigating, open for ") })
        #expect(lines.contains { $0.hasPrefix("SLA: ") && $0.hasSuffix("left to acknowledge (5m 00s)") })
        #expect(lines.contains("Steps (Incident checklist): 0 done, 0 skipped, 3 open"))
        #expect(lines.contains { $0.hasSuffix("alice: Rolled back 1.4.2; errors dropping") })
        #expect(lines.contains { $0.hasSuffix("Check the acquirer's status page (@bob)") })

        let shown = try room.run("incident", "show", "--json")
        #expect(shown.out.contains("\"commander\" : \"bob\""))
        let timeline = try room.run("timeline")
        #expect(timeline.out.contains("Hand-off: commander alice → bob"))
        let same = try room.run("handoff", "--to", "bob")
        #expect(same.status != 0)
        #expect(same.err.contains("already commander"))
    }

    @Test func anUpdateIsDraftedFromTheTemplateThenRecordedAndSent() throws {
        let room = try Room()
        let runbook = try room.write("payments.md", Self.runbook)
        let sent = room.folder.appendingPathComponent("sent.txt").path
        let config = try room.write("warroom.yaml", "updates:\n  command: \"cat > '\(sent)'\"\n")
        #expect(
            try room.run("incident", "open", "--title", "Checkout 5xx", "--severity", "SEV1", "--runbook", runbook)
                .status == 0)
        #expect(try room.run("note", "impact: a third of card payments fail").status == 0)

        let draft = try room.run("update", "--config", config)
        #expect(draft.status == 0, "\(draft.err)")
        let lines = draft.out.split(separator: "\n").map(String.init)
        #expect(
            lines.prefix(4) == [
                "Service: Payments API", "Severity: SEV1", "Status: INVESTIGATING",
                "Impact: a third of card payments fail"
            ])
        // Every 30 minutes, from the runbook's communication column.
        #expect(lines.last?.hasPrefix("Next update: ") == true && lines.last?.hasSuffix(" UTC") == true)

        let edited = draft.out.replacingOccurrences(of: "a third of", with: "about a third of")
        let recorded = try room.run("update", "--config", config, "--text", "-", stdin: edited)
        #expect(recorded.status == 0, "\(recorded.err)")
        #expect(
            try String(contentsOfFile: sent, encoding: .utf8).contains("Impact: about a third of card payments fail"))
        let events = try room.run("timeline", "--json", "--kind", "status_update").out
        #expect(events.contains("\"exitStatus\":0") && events.contains("about a third"))

        let failing = try room.write("failing.yaml", "updates:\n  command: \"exit 3\"\n")
        let failed = try room.run("update", "--config", failing, "--text", "-", stdin: "Status: still investigating")
        #expect(failed.status == 2)
        #expect(failed.out.contains("(exit 3)"))
        let empty = try room.run("update", "--text", "-", stdin: "  \n")
        #expect(empty.status != 0)
        #expect(empty.err.contains("empty"))
    }
}
