import CommandRunner
import ConsoleUI
import CursesTerminal
import Foundation
import IncidentKit
import RunbookKit

/// Runs the console. Every source (keys, the clock, the journal watch, the metric sampler, the
/// runbook reader, background failures) posts `Msg`s into one `MsgInbox`; each turn the loop waits
/// for a key or a post, feeds every message to `AppUpdate.update`, hands the effects to the
/// `EffectRunner` (journal first: the screen shows the committed event) and redraws when
/// something changed.
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
    /// The one way in.
    let inbox = MsgInbox()
    /// The metric sampler, started once the runbooks are there.
    var sampling: Task<Void, Never>?

    /// `opened`: the terminal the first frame is already on (`FirstFrame`); else one is opened.
    mutating func run(_ initial: AppState, on opened: CursesTerminal? = nil) {
        let reader = pendingRunbooks.isEmpty ? nil : readRunbooks(pendingRunbooks)
        defer { reader?.cancel() }
        let terminal = opened ?? CursesTerminal(noColor: noColor, environment: ProcessInfo.processInfo.environment)
        defer { terminal.restore() }
        var state = initial
        state.width = terminal.width
        state.height = terminal.height
        // The first frame goes out before the journal watch and the metric sources start.
        let runs = ConsoleRuns(journal: journal, incident: incidentID, author: author) { [inbox] in inbox.wake() }
        let effects = EffectRunner(
            journal: journal, incidentID: incidentID, author: author, rules: rules,
            runbooks: runbooks, config: config, runs: runs, terminal: terminal,
            palette: theme.palette(depth: terminal.depth), inbox: inbox)
        terminal.present(AppView.render(state, palette: effects.palette))
        let watcher = watchJournal(after: state.lastEventID)
        defer { watcher.cancel() }
        // Who is in the room; the steps this console's changes claim. Left last, once runs are stopped.
        let room = ConsoleRoom(journal: journal, incident: incidentID, author: author)
        room.start()
        effects.room = room
        defer { room.leave() }
        let clock = ConsoleClock.start(journal: journal, inbox: inbox)
        defer { clock.cancel() }
        if reader == nil { sampling = startMetrics() }
        defer { sampling?.cancel() }
        // SIGTERM and SIGHUP (a closed ssh session, `kill`) end the console as `q` does: the loop
        // ends, the runs are cancelled and recorded below, the terminal is restored. Taken over
        // from the terminal's own handlers, which would end the process at once; given back last.
        let hangup = TerminationFlag()
        let signals = SignalForwarder(signals: [SIGTERM, SIGHUP]) { [inbox] _ in
            hangup.set()
            inbox.wake()
        }
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
        while !state.quitting && !hangup.isSet {
            if dirty {
                terminal.present(AppView.render(state, palette: effects.palette))
                dirty = false
            }
            if let event = terminal.nextEvent(timeoutMilliseconds: 200, orWakeOn: inbox.wakeDescriptor),
                let message = Msg(event)
            {
                inbox.post(message)
            }
            let before = state
            if handle(inbox.take(), &state, effects, runs, room) { dirty = true }
            // Ticks change `now`, so the clocks redraw each second; idle keys draw nothing.
            if state != before { dirty = true }
        }
    }

    /// Feeds one turn's messages to the update, and what their effects bring back; returns
    /// whether an effect needs the whole screen drawn again.
    private mutating func handle(
        _ taken: [Msg], _ state: inout AppState, _ effects: EffectRunner,
        _ runs: ConsoleRuns, _ room: ConsoleRoom
    ) -> Bool {
        var messages = taken, polledRuns = false, redraw = false
        while true {
            if messages.isEmpty {
                // After the others: a run just started or a viewer just opened shows this turn.
                guard !polledRuns else { return redraw }
                polledRuns = true
                // The room too: a claim is given back once its run has ended.
                messages = runs.messages(viewing: state.viewedRunId) + room.drain(runs.board)
                continue
            }
            let message = messages.removeFirst()
            if case .runbooksRead(let books) = message, !books.isEmpty { adopt(books, effects) }
            for effect in AppUpdate.update(&state, message) {
                let done = effects.run(effect)
                messages += done.messages
                if done.redraw { redraw = true }
            }
        }
    }

    /// The runbooks read behind the first frame: the effects use them, their metrics are sampled.
    private mutating func adopt(_ books: [Runbook], _ effects: EffectRunner) {
        runbooks = books
        rules = SeverityRules(runbook: books.first)
        effects.runbooks = books
        effects.rules = rules
        sampling?.cancel()
        sampling = startMetrics()
    }

    /// Reads the runbooks behind the first frame: a 1 MB runbook takes most of a second.
    private func readRunbooks(_ paths: [String]) -> Task<Void, Never> {
        Task.detached { [inbox] in
            do {
                inbox.post(.runbooksRead(try paths.map { try RunbookFile.read($0) }))
            } catch {
                inbox.post([.runbooksRead([]), .failed("reading the runbook: \(error)")])
            }
        }
    }

    /// Every event committed from now on, this console's and any other writer's.
    private func watchJournal(after lastEventID: Int64) -> Task<Void, Never> {
        let stream = journal.watch(incident: incidentID, after: lastEventID)
        return Task.detached { [inbox] in
            do {
                for try await event in stream { inbox.post(.journalEvents([ConsoleEvent(event)])) }
            } catch {
                inbox.post(.failed("journal watch stopped: \(error)"))
            }
        }
    }

    private func startMetrics() -> Task<Void, Never> {
        ConsoleMetrics.start(
            runbooks: runbooks, config: config, journal: journal, incidentID: incidentID,
            author: author, inbox: inbox)
    }
}

extension Msg {
    /// What the terminal's event means to the console: a click selects; the wheel moves the
    /// selection like ↑/↓; other mouse events mean nothing.
    init?(_ event: TerminalEvent) {
        switch event {
        case .resize(let width, let height): self = .resize(width: width, height: height)
        case .input(.key(let key)): self = .key(key)
        case .input(.mouse(let mouse)):
            switch mouse.button {
            case .left: self = .click(x: mouse.column, y: mouse.row)
            case .wheelUp: self = .key(.up)
            case .wheelDown: self = .key(.down)
            default: return nil
            }
        default: return nil
        }
    }
}
