import CommandRunner
import ConsoleUI
import CursesTerminal
import Foundation
import IncidentKit
import RunbookKit

/// Runs the console: reads keys (at most 250 ms apart), ticks the clock each second, drains
/// journal events from the watcher, performs `update`'s effects (journal first, then the
/// screen shows the committed event), and redraws only when something happened.
@MainActor
struct ConsoleRuntime {
    let journal: any Journal
    let incidentID: String
    let author: String
    var rules: SeverityRules
    let theme: Theme
    let noColor: Bool
    var runbooks: [Runbook] = []
    var config: WarroomConfig?
    /// Runbooks to read behind the first frame (`runbooks` is then empty until they are read).
    var pendingRunbooks: [String] = []
    /// Failures of background work (a breach written, an update sent), shown in the footer.
    let problems = ProblemInbox()

    mutating func run(_ initial: AppState) {
        let reading = RunbookInbox()
        var reader: Task<Void, Never>?
        if !pendingRunbooks.isEmpty {
            let paths = pendingRunbooks
            reader = Task.detached { reading.put(Result { try paths.map { try RunbookFile.read($0) } }) }
        }
        defer { reader?.cancel() }
        let terminal = CursesTerminal(noColor: noColor, environment: ProcessInfo.processInfo.environment)
        defer { terminal.restore() }
        var palette = theme.palette(depth: terminal.depth)
        var state = initial
        state.width = terminal.width
        state.height = terminal.height
        // The first frame goes out before the journal watch and the metric sources start.
        terminal.present(AppView.render(state, palette: palette))

        let inbox = EventInbox()
        let stream = journal.watch(incident: incidentID, after: state.lastEventID)
        let watcher = Task.detached {
            do {
                for try await event in stream { inbox.push(event) }
            } catch {
                inbox.fail("journal watch stopped: \(error)")
            }
        }
        defer { watcher.cancel() }
        let metricInbox = MetricInbox()
        var sampling = reader == nil ? startMetrics(metricInbox) : nil
        defer { sampling?.cancel() }
        let runs = ConsoleRuns(journal: journal, incident: incidentID, author: author)
        // SIGTERM and SIGHUP (a closed ssh session, `kill`) end the console as `q` does: the loop
        // ends, the runs are cancelled and recorded below, the terminal is restored. Taken over
        // from the terminal's own handlers, which would end the process at once; given back last.
        let hangup = TerminationFlag()
        let signals = SignalForwarder(signals: [SIGTERM, SIGHUP]) { _ in hangup.set() }
        defer { signals.stop() }
        // Quitting while commands run (the user confirmed it): cancel them, so no process group
        // outlives the console, and wait until their ends are on the record.
        defer {
            if !runs.active.isEmpty {
                state.footer = .notice("Cancelling \(runs.active.count) running command(s) before quitting…")
                terminal.present(AppView.render(state, palette: palette))
                runs.stopAll()
            }
        }

        var dirty = false
        var second = Int(Date().timeIntervalSince1970)
        while !state.quitting && !hangup.isSet {
            if dirty {
                terminal.present(AppView.render(state, palette: palette))
                dirty = false
            }
            var messages: [Msg] = []
            // While the runbooks are read, wake often to show them as soon as they are there.
            switch terminal.nextEvent(timeoutMilliseconds: reader == nil ? 200 : 20) {
            case .resize(let width, let height): messages.append(.resize(width: width, height: height))
            case .input(.key(let key)): messages.append(.key(key))
            case .input(.mouse(let mouse)):
                // A click selects; the wheel moves the selection like ↑/↓.
                switch mouse.button {
                case .left: messages.append(.click(x: mouse.column, y: mouse.row))
                case .wheelUp: messages.append(.key(.up))
                case .wheelDown: messages.append(.key(.down))
                default: break
                }
            default: break
            }
            if let read = reading.take() {
                reader = nil
                switch read {
                case .success(let books):
                    runbooks = books
                    rules = SeverityRules(runbook: books.first)
                    sampling = startMetrics(metricInbox)
                    messages.append(.runbooksRead(books))
                case .failure(let error):
                    messages += [.runbooksRead([]), .failed("reading the runbook: \(error)")]
                }
            }
            let (events, failure) = inbox.drain()
            if !events.isEmpty { messages.append(.journalEvents(events.map(ConsoleEvent.init))) }
            if let failure { messages.append(.failed(failure)) }
            messages += problems.drain().map(Msg.failed)
            let readings = metricInbox.drain()
            if !readings.isEmpty { messages.append(.metricReadings(readings)) }
            let now = Date()
            if Int(now.timeIntervalSince1970) != second {
                second = Int(now.timeIntervalSince1970)
                messages.append(.tick(now))
                // A server journal that cannot be reached keeps events locally: the header counts them.
                let waiting = journal.waitingEvents
                if waiting != state.journalWaiting { messages.append(.journalWaiting(waiting)) }
            }
            let before = state
            var polledRuns = false
            while !messages.isEmpty || !polledRuns {
                if messages.isEmpty {
                    // After the keys: a run just started or a viewer just opened shows this turn.
                    polledRuns = true
                    messages = runs.messages(viewing: state.viewedRunId)
                    continue
                }
                let message = messages.removeFirst()
                for effect in AppUpdate.update(&state, message) {
                    if case .startRun(let run, let dryRun) = effect {
                        if run.interactive && !dryRun {
                            messages += runInTerminal(run, terminal: terminal, board: runs.board)
                            dirty = true
                        } else {
                            messages += runs.start(run, dryRun: dryRun)
                        }
                    } else if case .draftUpdate(let text) = effect {
                        messages += UpdateEditor.edit(text ?? draftUpdate(), terminal: terminal)
                        dirty = true
                    } else if case .cancelRun(let id) = effect {
                        runs.cancel(id)
                    } else if case .setTheme(let name) = effect {
                        // The palette is re-resolved for this terminal; the diff repaints every restyled cell.
                        do {
                            palette = try ThemeCatalog.standard().load(name).theme.palette(depth: terminal.depth)
                            messages.append(.notice("Theme: \(name)"))
                        } catch {
                            messages.append(.failed("\(error)"))
                        }
                        dirty = true
                    } else {
                        messages += perform(effect)
                    }
                }
            }
            // Ticks change `now`, so the clocks redraw each second; idle keys draw nothing.
            if state != before { dirty = true }
        }
    }

    private func startMetrics(_ inbox: MetricInbox) -> Task<Void, Never> {
        ConsoleMetrics.start(runbooks: runbooks, config: config, journal: journal, incidentID: incidentID,
                             author: author, inbox: inbox, problems: problems)
    }

    /// Performs one effect; what it committed comes back as messages.
    func perform(_ effect: Effect) -> [Msg] {
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
                event = try journal.append(ActionAddedPayload(text: parsed.text, owner: parsed.owner), to: incidentID,
                                           author: author)
            case .closeFollowUp(let id, let text, let reason):
                event = try journal.append(ActionClosedPayload(action: id, text: text, reason: reason), to: incidentID,
                                           author: author)
            case .sendUpdate(let text):
                sendUpdate(text)
                return [.notice(config?.updates.command == nil ? "Status update recorded" : "Sending the status update…")]
            case .recordEscalation(let level, let who, let seconds, let contact):
                event = try journal.append(EscalationDuePayload(level: level, who: who, afterSeconds: seconds,
                                                                contact: contact), to: incidentID, author: author)
            case .setSeverity(let level):
                event = try journal.setSeverity(level, rules: rules, on: incidentID, author: author)
            case .setStatus(let status):
                event = try journal.setStatus(IncidentStatus.parse(status), on: incidentID, author: author)
            case .assignRole(let role, let person):
                event = try journal.assignRole(role, to: person, on: incidentID, author: author)
            case .appendMilestone(let name, let at):
                event = try journal.append(MilestonePayload(milestone: Milestone.parse(name), at: at), to: incidentID,
                                           author: author)
            case .recordSLABreach(let severity, let seconds):
                event = try journal.append(SLABreachedPayload(severity: severity, responseSeconds: seconds), to: incidentID,
                                           author: author)
            case .writePostmortem(let file):
                return [.notice("Postmortem written to " + (try writePostmortem(to: file)))]
            case .quit, .setTheme: return []
            case .recordRefusal(let run, let reason):
                event = try journal.append(CommandRefusedPayload(command: run.shownText, commandId: run.commandId,
                                                                 title: run.title, risk: run.risk.rawValue,
                                                                 reason: reason),
                                           to: incidentID, author: author)
            case .markCommandDone(let id):
                let command = runbooks.lazy.compactMap { $0.command(id) }.first
                event = try journal.append(CommandDonePayload(command: command?.code ?? "#\(id)", commandId: id,
                                                              title: command?.title),
                                           to: incidentID, author: author)
            case .startRun, .cancelRun, .draftUpdate:
                return [] // performed by the loop: they need the terminal and the runs
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
        return [.journalEvents([ConsoleEvent(event)]),
                .page(title: "Hand-off briefing", lines: briefing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))]
    }

    private func digestNow() throws -> IncidentDigest {
        let incident = try journal.incident(incidentID)
        return IncidentDigest(incident: incident, events: try journal.events(incident: incidentID),
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
        let problems = problems
        Task.detached {
            let payload = UpdateDelivery.send(text, command: command)
            do {
                _ = try journal.append(payload, to: incident, author: author)
            } catch {
                problems.report("the status update was not recorded: \(error)")
            }
            if let failure = payload.failure { problems.report("the status update was not sent: \(failure)") }
            if let status = payload.exitStatus, status != 0 {
                problems.report("the status update was not sent: `\(command ?? "")` exited \(status)")
            }
        }
    }

    /// Gives the real terminal to an interactive command (a REPL, `redis-cli MONITOR`), recorded
    /// like any run; the console is drawn again when it ends.
    private func runInTerminal(_ run: PreparedRun, terminal: CursesTerminal, board: RunBoard) -> [Msg] {
        do {
            let snapshot = try terminal.suspend { () throws -> RunSnapshot in
                let say = { (text: String) in FileHandle.standardOutput.write(Data(text.utf8)) }
                say("warroom: #\(run.commandId) has the terminal; the console returns when it ends.\n$ \(run.shownText)\n\n")
                let snapshot = try board.runInteractive(run)
                // Its last screen stays readable until the user is done with it.
                say("\nwarroom: #\(run.commandId) ended (\(RunStateText.words(snapshot))). Press Enter for the console. ")
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
        let markdown = try PostmortemRenderer.render(PostmortemReport(incident: incident, events: events, runbook: runbook),
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
