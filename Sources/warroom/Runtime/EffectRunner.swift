import CommandRunner
import ConsoleUI
import CursesTerminal
import Foundation
import IncidentKit
import RunbookKit

/// Carries out the console's effects: the one place `Effect`s happen (journal writes, runs, the
/// terminal lent to an interactive command or the update editor, the theme).
@MainActor
final class EffectRunner {
    let journal: any Journal
    let incidentID: String
    let author: String
    var rules: SeverityRules
    var runbooks: [Runbook]
    let config: WarroomConfig?
    let runs: ConsoleRuns
    let terminal: CursesTerminal
    /// The theme resolved for this terminal (`:theme` changes it).
    private(set) var palette: ThemePalette
    /// Where work carried on in the background (sending an update) reports what went wrong.
    let inbox: MsgInbox
    /// This console in the incident's room: claims the steps of changes (nil: no room, in tests).
    var room: ConsoleRoom?

    init(
        journal: any Journal, incidentID: String, author: String, rules: SeverityRules, runbooks: [Runbook],
        config: WarroomConfig?, runs: ConsoleRuns, terminal: CursesTerminal, palette: ThemePalette,
        inbox: MsgInbox
    ) {
        self.journal = journal
        self.incidentID = incidentID
        self.author = author
        self.rules = rules
        self.runbooks = runbooks
        self.config = config
        self.runs = runs
        self.terminal = terminal
        self.palette = palette
        self.inbox = inbox
    }

    /// Carries out one effect, every kind in this one switch; what it committed or learned comes
    /// back as messages, and `redraw` says the whole screen must be drawn again (the terminal was
    /// lent out, the palette changed).
    func run(_ effect: Effect) -> (messages: [Msg], redraw: Bool) {
        switch effect {
        case .startRun(let run, let dryRun):
            // A change's step is claimed first: another console running it refuses this one.
            let answer = room?.claim(run, dryRun: dryRun)
            if case .claimRefused? = answer { return ([answer!], false) }
            let said = answer.map { [$0] } ?? []
            if run.interactive && !dryRun {
                defer { room?.ended(run, dryRun: dryRun) }
                return (said + runInTerminal(run), true)
            }
            let started = runs.start(run, dryRun: dryRun)
            room?.started(run, dryRun: dryRun, board: runs.board)
            return (said + started, false)
        case .cancelRun(let id):
            runs.cancel(id)
            return ([], false)
        case .draftUpdate(let text):
            return (UpdateEditor.edit(text ?? draftUpdate(), terminal: terminal), true)
        case .setTheme(let name):
            // The palette is re-resolved for this terminal; the diff repaints every restyled cell.
            do {
                palette = try ThemeCatalog.standard().load(name).theme.palette(depth: terminal.depth)
                return ([.notice("Theme: \(name)")], true)
            } catch {
                return ([.failed("\(error)")], false)
            }
        case .quit:
            return ([], false)
        case .appendTick, .appendUntick, .appendSkip, .appendNote, .setSeverity, .setStatus, .assignRole,
            .appendMilestone, .recordSLABreach, .recordEscalation, .recordRefusal, .markCommandDone, .handoff,
            .addFollowUp, .closeFollowUp, .sendUpdate, .writePostmortem:
            // No `default`: a new effect does not compile until it is carried out somewhere.
            return (record(effect), false)
        }
    }

    /// The effects that write the journal.
    private func record(_ effect: Effect) -> [Msg] {
        do {
            var event: TimelineEvent?
            switch effect {
            case .appendTick(let item): event = try appendItem(.itemTicked, item)
            case .appendUntick(let item): event = try appendItem(.itemUnticked, item)
            case .appendSkip(let item): event = try appendItem(.itemSkipped, item)
            case .appendNote(let text, let step):
                let payload = NotePayload(text: text, step: step?.text, checklist: step?.checklist, index: step?.index)
                event = try journal.append(payload, to: incidentID, author: author)
            case .handoff(let role, let person):
                return try handoff(role: role, to: person)
            case .addFollowUp(let text):
                let parsed = FollowUpText.parse(text)
                event = try journal.append(
                    ActionAddedPayload(text: parsed.text, owner: parsed.owner), to: incidentID,
                    author: author)
            case .closeFollowUp(let id, let text, let reason):
                event = try journal.append(
                    ActionClosedPayload(action: id, text: text, reason: reason), to: incidentID,
                    author: author)
            case .sendUpdate(let text):
                sendUpdate(text)
                return [
                    .notice(config?.updates.command == nil ? "Status update recorded" : "Sending the status update…")
                ]
            case .recordEscalation(let level, let who, let seconds, let contact):
                event = try journal.append(
                    EscalationDuePayload(
                        level: level, who: who, afterSeconds: seconds,
                        contact: contact), to: incidentID, author: author)
            case .setSeverity(let level):
                event = try journal.setSeverity(level, rules: rules, on: incidentID, author: author)
            case .setStatus(let status):
                event = try journal.setStatus(IncidentStatus.parse(status), on: incidentID, author: author)
            case .assignRole(let role, let person):
                event = try journal.assignRole(role, to: person, on: incidentID, author: author)
            case .appendMilestone(let name, let at):
                event = try journal.append(
                    MilestonePayload(milestone: Milestone.parse(name), at: at), to: incidentID,
                    author: author)
            case .recordSLABreach(let severity, let seconds):
                event = try journal.append(
                    SLABreachedPayload(severity: severity, responseSeconds: seconds), to: incidentID,
                    author: author)
            case .writePostmortem(let file):
                return [.notice("Postmortem written to " + (try writePostmortem(to: file)))]
            case .recordRefusal(let run, let reason):
                event = try journal.append(
                    CommandRefusedPayload(
                        command: run.shownText, commandId: run.commandId,
                        title: run.title, risk: run.risk.rawValue,
                        reason: reason),
                    to: incidentID, author: author)
            case .markCommandDone(let id):
                let command = runbooks.lazy.compactMap { $0.command(id) }.first
                event = try journal.append(
                    CommandDonePayload(
                        command: command?.code ?? "#\(id)", commandId: id,
                        title: command?.title),
                    to: incidentID, author: author)
            case .startRun, .cancelRun, .draftUpdate, .setTheme, .quit:
                return [] // carried out by `run`
            }
            return event.map { [.journalEvents([ConsoleEvent($0)])] } ?? []
        } catch {
            return [.failed("\(error)")]
        }
    }

    /// Records the hand-off and shows the briefing the person taking over reads.
    private func handoff(role: String, to person: String) throws -> [Msg] {
        let before = try journal.incident(incidentID)
        let payload = RoleAssignedPayload(role: role, person: person, previous: before.roles[role], handoff: true)
        let event = try journal.append(payload, to: incidentID, author: author)
        let digest = try digestNow()
        let briefing = HandoffBriefing.text(digest, role: role, from: before.roles[role], to: person)
        return [
            .journalEvents([ConsoleEvent(event)]),
            .page(
                title: "Hand-off briefing",
                lines: briefing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        ]
    }

    private func digestNow() throws -> IncidentDigest {
        let incident = try journal.incident(incidentID)
        return IncidentDigest(
            incident: incident, events: try journal.events(incident: incidentID),
            runbook: runbooks.first ?? incident.runbookPath.flatMap { try? RunbookFile.read($0) }, now: Date())
    }

    /// A draft from the runbook's status-update template (or the built-in one), filled from the journal.
    private func draftUpdate() -> String {
        guard let digest = try? digestNow() else { return StatusUpdateDraft.builtIn }
        let severity = digest.incident.severity
        let every = config?.updates.cadence(for: severity) ?? runbooks.first?.updateCadence(for: severity)?.seconds
        let template = runbooks.lazy.flatMap(\.templates).first { $0.kind == .statusUpdate }?.body
        return StatusUpdateDraft.text(digest, template: template, nextUpdateSeconds: every)
    }

    /// Sends in the background (a webhook may take seconds); the recorded event comes back through
    /// the journal watch like any other writer's.
    private func sendUpdate(_ text: String) {
        let journal = journal, incident = incidentID, author = author, command = config?.updates.command
        let inbox = inbox
        Task.detached {
            let payload = UpdateDelivery.send(text, command: command)
            do {
                _ = try journal.append(payload, to: incident, author: author)
            } catch {
                inbox.post(.failed("the status update was not recorded: \(error)"))
            }
            if let failure = payload.failure { inbox.post(.failed("the status update was not sent: \(failure)")) }
            if let status = payload.exitStatus, status != 0 {
                inbox.post(.failed("the status update was not sent: `\(command ?? "")` exited \(status)"))
            }
        }
    }

    /// Gives the real terminal to an interactive command (a REPL, `redis-cli MONITOR`), recorded
    /// like any run; the console is drawn again when it ends.
    private func runInTerminal(_ run: PreparedRun) -> [Msg] {
        let board = runs.board
        do {
            let snapshot = try terminal.suspend { () throws -> RunSnapshot in
                let say = { (text: String) in FileHandle.standardOutput.write(Data(text.utf8)) }
                say(
                    "warroom: #\(run.commandId) has the terminal; the console returns when it ends.\n$ "
                        + "\(TerminalText.visible(run.shownText))\n\n"
                )
                let snapshot = try board.runInteractive(run)
                // Its last screen stays readable until the user is done with it.
                say(
                    "\nwarroom: #\(run.commandId) ended (\(RunStateText.words(snapshot))). Press Enter for the "
                        + "console. "
                )
                _ = readLine()
                return snapshot
            }
            return [.notice("#\(run.commandId) ended: \(RunStateText.words(snapshot))")]
        } catch {
            return [.failed("could not run #\(run.commandId): \(error)")]
        }
    }

    /// Renders the postmortem to `file`, else `<store>/<incident>-postmortem.md`; returns the path.
    private func writePostmortem(to file: String?) throws -> String {
        let incident = try journal.incident(incidentID)
        let events = try journal.events(incident: incidentID)
        let runbook = incident.runbookPath.flatMap { try? RunbookFile.read($0) }
        let markdown = try PostmortemRenderer.render(
            PostmortemReport(incident: incident, events: events, runbook: runbook),
            template: nil)
        let path = file ?? journal.location.directory.appendingPathComponent("\(incidentID)-postmortem.md").path
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private func appendItem(_ kind: EventKind, _ item: ItemRef) throws -> TimelineEvent {
        let payload = ChecklistItemPayload(checklist: item.checklist, item: item.text, index: item.index)
        return try journal.append(kind, payload, to: incidentID, author: author)
    }
}
