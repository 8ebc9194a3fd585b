import CommandRunner
import Foundation
import RunbookKit
import Testing

/// A child that traps SIGINT and SIGTERM, with a grandchild that ignores them too: only the
/// SIGKILL step of the escalation ends them, and it must reach both.
@Suite("Cancel escalation")
struct CancelTests {
    static let stubborn = """
        trap 'echo got INT' INT
        trap 'echo got TERM' TERM
        bash -c 'trap "" INT TERM; echo grandchild $$; while :; do sleep 0.1; done' &
        echo child $$
        while :; do sleep 0.1; done
        """

    /// The pids the script printed, once both are there.
    func pids(_ run: CommandRun) -> (child: pid_t, grandchild: pid_t)? {
        var child: pid_t?, grandchild: pid_t?
        for line in run.lines(from: 0, count: 10) {
            let parts = line.text.split(separator: " ")
            guard parts.count == 2, let pid = pid_t(parts[1]) else { continue }
            if parts[0] == "child" { child = pid }
            if parts[0] == "grandchild" { grandchild = pid }
        }
        guard let child, let grandchild else { return nil }
        return (child, grandchild)
    }

    func cancelStubborn(limits: RunLimits) async throws -> (RunSnapshot, CommandRun, Double, (pid_t, pid_t)) {
        let board = RunBoard(journal: nil, incident: nil, author: "tester", limits: limits)
        let run = try board.start(bashRun(Self.stubborn))
        // Whatever fails below, the stubborn pair must not outlive the test: only SIGKILL ends it.
        defer { if let group = run.processGroupID { kill(-group, SIGKILL) } }
        #expect(await eventually(5) { pids(run) != nil })
        let (child, grandchild) = try #require(pids(run))
        #expect(isAlive(child) && isAlive(grandchild))
        let cancelled = Date()
        board.cancel(run.id)
        #expect(run.snapshot().state == .cancelling)
        let end = await run.wait()
        let took = Date().timeIntervalSince(cancelled)
        #expect(await eventually(2) { !isAlive(child) && !isAlive(grandchild) })
        return (end, run, took, (child, grandchild))
    }

    @Test func shortDelaysReachChildAndGrandchild() async throws {
        let (end, run, took, _) = try await cancelStubborn(limits: RunLimits(terminateAfter: 0.3, killAfter: 0.8))
        #expect(end.state == .signalled(SIGKILL))
        #expect(run.wasCancelled)
        #expect(took >= 0.8 && took < 4)
        let texts = run.lines(from: 0, count: 20).map(\.text)
        #expect(texts.contains("got INT") && texts.contains("got TERM"))
    }

    @Test func realDelaysThreeAndTenSeconds() async throws {
        let (end, run, took, _) = try await cancelStubborn(limits: RunLimits())
        #expect(end.state == .signalled(SIGKILL))
        #expect(took >= 10 && took < 13)
        #expect(run.lines(from: 0, count: 20).map(\.text).contains("got TERM"))
    }

    @Test func aCommandThatHonoursSIGINTEndsAtOnce() async throws {
        let board = RunBoard(journal: nil, incident: nil, author: "tester")
        let run = try board.start(bashRun("sleep 30"))
        #expect(await eventually(5) { run.processGroupID != nil })
        let cancelled = Date()
        run.cancel()
        let end = await run.wait()
        #expect(end.state == .signalled(SIGINT))
        #expect(Date().timeIntervalSince(cancelled) < 2)
    }
}
