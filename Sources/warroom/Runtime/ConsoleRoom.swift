import CommandRunner
import ConsoleUI
import Foundation
import IncidentKit
import RunbookKit

/// This console in the incident's room: it announces itself and renews its heartbeat while open,
/// looks every second at who is present and which steps are held (`Msg.room`), claims the step of
/// each `change` or `destructive` run before it starts, gives the claim back when the run ends, and
/// leaves on quit. None of it is an event: heartbeats would flood the timeline.
///
/// The journal is read and written on a background task (a server round trip must not stall the
/// keys); claims are taken on the main loop, since the run must wait for the answer anyway.
final class ConsoleRoom: @unchecked Sendable { // @unchecked: `latest` is behind `lock`; `running` is main-actor only
    /// Renewed this often; a console not renewed for `expiresAfter` (killed with -9, its host gone)
    /// counts as gone.
    static let heartbeatEvery: Duration = .seconds(5)
    static let expiresAfter: TimeInterval = 15
    /// How often the room is looked at: a join or a claim shows on other consoles within this.
    static let lookEvery: Duration = .seconds(1)

    let journal: any Journal
    let incident: String
    let me: RoomMember
    private let lock = NSLock()
    private var latest: RoomPresence?
    private var watcher: Task<Void, Never>?
    /// Run id → the step it claimed, until the run ends.
    private var running: [Int: String] = [:]
    /// Runs whose claim another console took over (after this one lost the server), said once.
    private var toldLost: Set<Int> = []

    init(journal: any Journal, incident: String, author: String) {
        self.journal = journal
        self.incident = incident
        me = RoomMember(name: author, host: RoomMember.thisHost)
    }

    /// Joins and starts looking (the first heartbeat goes in the background too).
    func start() {
        watcher = Task.detached { [self] in
            let clock = ContinuousClock()
            var beat = clock.now - Self.heartbeatEvery
            while !Task.isCancelled {
                if clock.now - beat >= Self.heartbeatEvery {
                    // A server out of reach is said by the header's `offline`; the next turn tries again.
                    if (try? journal.heartbeat(me, incident: incident, expiresAfter: Self.expiresAfter)) != nil {
                        beat = clock.now
                    }
                }
                if let members = try? journal.members(incident: incident),
                    let claims = try? journal.claims(incident: incident)
                {
                    put(presence(members, claims))
                }
                try? await Task.sleep(for: Self.lookEvery)
            }
        }
    }

    func presence(_ members: [RoomMember], _ claims: [StepClaim]) -> RoomPresence {
        RoomPresence(
            people: members.map { .init(name: $0.name, host: $0.host, since: $0.since) },
            holds: claims.map { hold($0) })
    }

    func hold(_ claim: StepClaim) -> RoomPresence.Hold {
        .init(
            step: claim.step, holder: claim.holder.name, since: claim.since, command: claim.command,
            mine: claim.holder.id == me.id)
    }

    private func put(_ presence: RoomPresence) {
        lock.withLock { latest = presence }
    }

    /// The room when it changed since the last look; gives back the claims of runs that ended.
    @MainActor
    func drain(_ board: RunBoard) -> [Msg] {
        for (id, step) in running where board.run(id)?.snapshot().isActive != true {
            running[id] = nil
            release(step)
        }
        let presence = lock.withLock {
            defer { latest = nil }
            return latest
        }
        guard let presence else { return [] }
        return [.room(presence)] + lostClaims(presence)
    }

    /// A run still going whose step another console now holds: the claim was lost with the server
    /// connection and taken meanwhile. The run is not stopped (it may be half done); the commander
    /// is told, once, to talk to the holder.
    @MainActor
    private func lostClaims(_ presence: RoomPresence) -> [Msg] {
        running.sorted { $0.key < $1.key }.compactMap { id, step in
            guard let other = presence.holds.first(where: { $0.step == step && !$0.mine }),
                toldLost.insert(id).inserted
            else { return nil }
            return .failed(
                "Run #\(id) lost its claim on \(step) (the server connection dropped): \(other.holder) holds it now")
        }
    }

    /// Claims the run's step when it changes something: nil when it may start, else the refusal.
    /// A journal that cannot answer does not stop the run (an incident goes on through an outage):
    /// it runs unclaimed and the footer says so.
    @MainActor
    func claim(_ run: PreparedRun, dryRun: Bool) -> Msg? {
        guard ClaimKey.needsClaim(run, dryRun: dryRun) else { return nil }
        do {
            guard
                let held = try journal.claim(
                    step: ClaimKey.step(run), command: run.shownText, by: me,
                    incident: incident)
            else { return nil }
            return .claimRefused(hold(held), commandId: run.commandId)
        } catch {
            return .failed("#\(run.commandId) runs unclaimed (no one else is told): \(error)")
        }
    }

    /// After `claim` allowed a run that did not need the terminal: its claim lasts until the board's
    /// newest run of it ends (or at once, when it could not start).
    @MainActor
    func started(_ run: PreparedRun, dryRun: Bool, board: RunBoard) {
        guard ClaimKey.needsClaim(run, dryRun: dryRun) else { return }
        if let started = board.runs().last, started.prepared == run, running[started.id] == nil {
            running[started.id] = ClaimKey.step(run)
        } else {
            release(ClaimKey.step(run))
        }
    }

    /// After an interactive run (it had the terminal until it ended).
    @MainActor
    func ended(_ run: PreparedRun, dryRun: Bool) {
        if ClaimKey.needsClaim(run, dryRun: dryRun) { release(ClaimKey.step(run)) }
    }

    private func release(_ step: String) {
        try? journal.release(step: step, by: me.id, incident: incident)
    }

    /// On quit (after the runs were stopped): stops looking, gives back every claim, leaves.
    @MainActor
    func leave() {
        watcher?.cancel()
        running = [:]
        try? journal.leave(me.id, incident: incident)
    }
}
