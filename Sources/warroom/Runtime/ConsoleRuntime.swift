import CommandRunner
import ConsoleUI
import CursesTerminal
import Foundation
import IncidentKit
import RunbookKit

/// Runs the console: reads keys (at most 250 ms apart), ticks the clock each second, drains
/// journal events from the watcher, hands `update`'s effects to the `EffectRunner` (journal
/// first, then the screen shows the committed event), and redraws only when something happened.
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
        var state = initial
        state.width = terminal.width
        state.height = terminal.height
        // The first frame goes out before the journal watch and the metric sources start.
        let runs = ConsoleRuns(journal: journal, incident: incidentID, author: author)
        let effects = EffectRunner(
            journal: journal, incidentID: incidentID, author: author, rules: rules,
            runbooks: runbooks, config: config, runs: runs, terminal: terminal,
            palette: theme.palette(depth: terminal.depth), problems: problems)
        terminal.present(AppView.render(state, palette: effects.palette))

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
                terminal.present(AppView.render(state, palette: effects.palette))
                runs.stopAll()
            }
        }

        var dirty = false
        var second = Int(Date().timeIntervalSince1970)
        while !state.quitting && !hangup.isSet {
            if dirty {
                terminal.present(AppView.render(state, palette: effects.palette))
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
                    effects.runbooks = books
                    effects.rules = rules
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
                    let done = effects.run(effect)
                    messages += done.messages
                    if done.redraw { dirty = true }
                }
            }
            // Ticks change `now`, so the clocks redraw each second; idle keys draw nothing.
            if state != before { dirty = true }
        }
    }

    private func startMetrics(_ inbox: MetricInbox) -> Task<Void, Never> {
        ConsoleMetrics.start(
            runbooks: runbooks, config: config, journal: journal, incidentID: incidentID,
            author: author, inbox: inbox, problems: problems)
    }
}
