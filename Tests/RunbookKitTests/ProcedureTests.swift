import Testing
@testable import RunbookKit

@Suite struct ProcedureTests {
    let runbook: Runbook

    init() throws { runbook = try Paths.fixtureRunbook("procedures.md") }

    @Test func boldLabelsSplitAProcedure() throws {
        let procedure = try #require(runbook.procedures.first { $0.title == "Queue Backlog Growing" })
        #expect(procedure.steps.map(\.phase) == ["Check", "Check", "Fix", "Fix"])
        #expect(procedure.steps[0].text == "Look at the backlog", "the colon introduces its block")
        let backlog = try #require(runbook.command(procedure.steps[0].commands.first ?? -1))
        #expect(backlog.code == "celery -A fleet inspect reserved")
        #expect(backlog.line == 16)
        #expect(procedure.steps[3].commands.isEmpty)
    }

    @Test func numberedPhaseHeadingsWithWindows() throws {
        let procedure = try #require(runbook.procedures.first { $0.title == "Full Outage Procedure" })
        #expect(procedure.steps.map(\.window?.endSeconds) == [600, 2700, 10800])
        #expect(
            procedure.steps.map(\.phase) == [
                "Detection & Triage (0-10 minutes)", "Containment (10-45 minutes)",
                "Recovery (45-180 minutes)"
            ])
        #expect(!runbook.procedures.contains { $0.title.hasPrefix("1. ") }, "phases are not procedures of their own")
    }

    @Test func numberedHeadingsAsSteps() throws {
        let procedure = try #require(runbook.procedures.first { $0.title == "Restart a Stuck Worker" })
        #expect(procedure.steps.map(\.text) == ["Find the worker", "Restart it"])
        let restart = try #require(runbook.command(procedure.steps[1].commands.first ?? -1))
        #expect(restart.title == "Restart it")
        #expect(restart.risk == .destructive)
    }

    @Test func stepHeadingsUnderASectionAboutSomethingElseAreNotNamedByIt() throws {
        let text = """
            # Gateway timeouts

            ## Roles

            | Role | Who |
            |---|---|
            | Commander | the on-call SRE |

            ### Step 1: Confirm the impact

            Compare the timeout rate with the last hour.

            ### Step 2: Restart the workers

            ```sh
            docker compose restart worker
            ```
            """
        let procedures = RunbookReader.parse(text: text).procedures
        #expect(procedures.map(\.title) == ["Gateway timeouts"], "not 'Roles'")
        #expect(procedures.first?.steps.map(\.text) == ["Confirm the impact", "Restart the workers"])
    }

    /// A fence not indented under its numbered step ends the list; the step it follows still owns
    /// it when the step says so ("…:") or the numbering goes on after it.
    @Test func aNumberedStepWithAFenceAfterItIsOneStep() {
        let text = """
            # Failover

            ## Procedure

            1. Check replication lag on each replica:

            ```sql
            SELECT client_addr, replay_lag FROM pg_stat_replication;
            ```

            2. Promote the replica with the lowest lag.

            ```bash
            patronictl failover --candidate db-2
            ```

            3. Repoint the application.
            """
        let steps = RunbookReader.parse(text: text).procedures.first?.steps ?? []
        #expect(
            steps.map(\.text) == [
                "Check replication lag on each replica", "Promote the replica with the lowest lag.",
                "Repoint the application."
            ])
        #expect(steps.map(\.commands.count) == [1, 1, 0])
    }
}
