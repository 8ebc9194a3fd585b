import Foundation
import IncidentKit
import RunbookKit

/// The console's one state transition: pure, so every key sequence can be tested without a
/// terminal. Returns the effects the runtime must perform.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        let effects = handle(msg, &state)
        followStep(&state)
        return effects
    }

    /// The commands pane lists the current step's commands first (the guided step, else the
    /// selected checklist item); moving to another step selects its first command.
    static func followStep(_ state: inout AppState, keepSelection: Bool = false) {
        let index = state.guided ?? state.selectedIndex(.checklist)
        var wanted: [Int] = []
        if let index, let list = state.checklist, index < list.items.count, !list.items[index].commands.isEmpty,
            let shown = state.shownList, shown.runbook < state.runbooks.count
        {
            let offset = state.runbooks[..<shown.runbook].reduce(0) { $0 + $1.commands.count }
            let book = state.runbooks[shown.runbook]
            wanted = list.items[index].commands.compactMap { id in
                book.commands.firstIndex { $0.id == id }.map { offset + $0 }
            }
        }
        guard wanted != state.stepCommands else { return }
        state.stepCommands = wanted
        if !keepSelection { state.selection[.commands] = 0 }
    }

    static func handle(_ msg: Msg, _ state: inout AppState) -> [Effect] {
        switch msg {
        case .tick(let now):
            state.now = now
            return slaBreach(&state) + escalationReminders(&state)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .journalEvents(let events):
            for event in events { apply(event, to: &state) }
            return []
        case .failed(let text):
            state.footer = .error(text)
            return []
        case .metricReadings(let readings):
            for reading in readings { state.metricReadings[reading.name] = reading }
            return []
        case .journalWaiting(let count):
            state.journalWaiting = count
            return []
        case .room(let room):
            state.room = room
            return []
        case .claimRefused(let hold, let commandId):
            claimRefused(hold, commandId: commandId, &state)
            return []
        case .notice(let text):
            state.footer = .notice(text)
            return []
        case .key(let key):
            state.footer = nil
            let effects = handle(key, &state)
            if state.selected(.timeline) >= state.rowCount(.timeline) - 1 { state.timelineUnseen = 0 }
            return effects
        case .click(let x, let y):
            click(x: x, y: y, &state)
            return []
        case .runs(let snapshots):
            return receive(snapshots, &state)
        case .runOutput(let id, let firstLine, let lines):
            receiveOutput(id: id, firstLine: firstLine, lines: lines, &state)
            return []
        case .page(let title, let lines):
            state.helpPage = 0
            state.overlays.append(.page(title: title, lines: lines))
            return []
        case .updateDrafted(let text):
            state.overlays.append(.sendUpdate(text))
            return []
        case .runbooksRead(let runbooks):
            state.runbooks = runbooks
            state.readingRunbooks = false
            resumeChecklist(&state)
            return []
        }
    }

    /// After replaying a reopened incident's journal: the checklist selection goes to the first
    /// item neither ticked nor skipped (where guided mode, `g`, also starts), the timeline to its end.
    public static func resume(_ state: inout AppState) {
        resumeChecklist(&state)
        state.selection[.timeline, default: 0].end(count: state.rowCount(.timeline))
    }

    /// The checklist selection on the first item neither ticked nor skipped.
    static func resumeChecklist(_ state: inout AppState) {
        let items = state.items
        state.selection[.checklist] = ListCursor(
            items.firstIndex { state.marks[$0.key] == nil } ?? max(items.count - 1, 0))
    }

    /// Folds one committed event into the state.
    /// Each event is applied once: an append's own result and the watcher both deliver it, and
    /// another writer's earlier event can arrive after ours (it then goes in at its place).
    static func apply(_ event: ConsoleEvent, to state: inout AppState) {
        let followTimeline = state.selected(.timeline) >= state.rowCount(.timeline) - 1
        if event.id <= state.lastEventID,
            state.timeline.contains(where: { $0.id == event.id || $0.finishedID == event.id })
        {
            return
        }
        if event.id < 0 {
            state.offlineWrites[OfflineWrite(event)] = event.id
        } else if landOfflineWrite(event, in: &state) {
            return
        }
        state.lastEventID = max(state.lastEventID, event.id)
        if case .runFinished(let started, let outcome) = event.change,
            let row = state.timeline.lastIndex(where: { $0.id == started })
        {
            // One row per run: the finish shows on the start's row.
            state.timeline[row].outcome = outcome
            state.timeline[row].finishedID = event.id
            state.timeline[row].detail += event.detail
            return
        }
        state.timelineAuthorWidth = min(max(state.timelineAuthorWidth, DisplayWidth.of(event.author)), 16)
        // An offline write is this console's newest; a server event goes at its place by id.
        if event.id < 0 || event.id >= (state.timeline.last?.id ?? 0) {
            state.timeline.append(event)
        } else {
            let at = state.timeline.firstIndex { $0.id > event.id } ?? state.timeline.count
            state.timeline.insert(event, at: at)
        }
        if followTimeline {
            state.selection[.timeline] = ListCursor(state.rowCount(.timeline) - 1)
        } else {
            state.timelineUnseen += 1
        }
        switch event.change {
        case .none: break
        case .ticked(let key): state.marks[key] = ItemMark(state: .done, time: event.time, author: event.author)
        case .skipped(let key): state.marks[key] = ItemMark(state: .skipped, time: event.time, author: event.author)
        case .unticked(let key): state.marks[key] = nil
        case .severity(let level): state.incident.severity = level
        case .status: break // below
        case .role(let role, let person):
            state.roles[role.name] = person
            if role == .commander { state.incident.commander = person }
        case .followUp(let row):
            if !state.followUps.contains(where: { $0.id == row.id }) { state.followUps.append(row) }
        case .followUpClosed(let id):
            if let at = state.followUps.firstIndex(where: { $0.id == id }) { state.followUps[at].open = false }
        case .escalationDue(let level): state.escalationsDue.insert(level)
        case .statusUpdate:
            state.lastStatusUpdate = max(state.lastStatusUpdate ?? event.time, event.time)
        case .slaBreached(let severity): state.slaBreaches.insert(severity)
        case .alert(let alert):
            let wasFiring = state.alerts[alert.fingerprint].map { !$0.resolved } ?? false
            state.alerts[alert.fingerprint] = alert
            // A resolved alert never closes the incident; it suggests the milestone instead.
            if alert.resolved, wasFiring {
                state.footer = .notice("Alert \(alert.name) resolved: if the impact is over, :milestone mitigated")
            }
        case .runFinished: break
        case .milestone(let milestone, let at): state.milestones[milestone.rawValue] = at
        case .commandValues(let values):
            // Masked secrets are not values: they stay to be typed again.
            for (name, value) in values where value != ConsoleEvent.maskedValue { state.vars[name] = value }
        }
        // A status change, or the resolved milestone (IncidentKit's rule, `IncidentChange.status`).
        if let status = event.change.status { state.incident.status = status.rawValue }
    }

    /// The moment the severity's response time passes unacknowledged, it goes on the record once.
    static func slaBreach(_ state: inout AppState) -> [Effect] {
        guard let seconds = state.severityLevel?.responseTime?.seconds, state.milestones["acknowledged"] == nil,
            state.milestones["resolved"] == nil, state.incident.status != "resolved",
            !state.slaBreaches.contains(state.incident.severity),
            state.now.timeIntervalSince(state.incident.startedAt) > Double(seconds)
        else { return [] }
        state.slaBreaches.insert(state.incident.severity)
        return [.recordSLABreach(severity: state.incident.severity, responseSeconds: seconds)]
    }

    /// Each escalation step that comes due before mitigation goes on the record once, with a notice.
    static func escalationReminders(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for step in RoomClocks.escalationState(state).due where !state.escalationsDue.contains(step.level) {
            state.escalationsDue.insert(step.level)
            state.footer = .notice(
                "Escalation due: L\(step.level) \(step.who)" + (step.contact.map { " — \($0)" } ?? "")
                    + " (:contacts)")
            effects.append(
                .recordEscalation(
                    level: step.level, who: step.who, afterSeconds: step.afterSeconds,
                    contact: step.contact))
        }
        return effects
    }

    static func handle(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        let context = state.context
        let action = Bindings.action(for: key, in: context)
        switch context {
        case .note, .command, .filter, .editor:
            return edit(key, action, &state)
        case .severity:
            return pickSeverity(action, &state)
        case .chooser:
            chooseList(action, &state)
            return []
        case .offer:
            guard case .offerProcedure(let choice) = state.overlays.last else { return [] }
            if action == .confirm || action == .close { state.overlays.removeLast() }
            if action == .confirm { show(choice, &state) }
            return []
        case .help:
            switch action {
            case .close: state.overlays.removeLast(); state.helpPage = 0
            case .pageDown: state.helpPage += 1
            case .pageUp: state.helpPage = max(state.helpPage - 1, 0)
            default: break
            }
            return []
        case .chart:
            chart(action, &state)
            return []
        case .confirmQuit:
            if action == .confirm { state.quitting = true; return [.quit] }
            if action == .close { state.overlays.removeLast() }
            return []
        case .guided:
            return guide(action, &state)
        case .runDialog:
            return runDialog(key, action, &state)
        case .output:
            return viewOutput(key, action, &state)
        case .vars:
            return editVars(key, action, &state)
        case .sendUpdate:
            guard case .sendUpdate(let text) = state.overlays.last else { return [] }
            switch action {
            case .confirm: state.overlays.removeLast(); return [.sendUpdate(text)]
            case .edit: state.overlays.removeLast(); return [.draftUpdate(text)]
            case .close:
                state.overlays.removeLast()
                state.footer = .notice("Update discarded: nothing sent or recorded")
            default: break
            }
            return []
        case .offerMilestone:
            guard case .offerMilestone(let name) = state.overlays.last else { return [] }
            if action == .confirm || action == .close { state.overlays.removeLast() }
            return action == .confirm ? [.appendMilestone(name, at: nil)] : []
        case .offerTick:
            guard case .offerTick(let item) = state.overlays.last else { return [] }
            if action == .confirm || action == .close { state.overlays.removeLast() }
            guard action == .confirm else { return [] }
            if state.guided == item.index { advance(&state, from: item.index) }
            return [.appendTick(item)]
        case .commands:
            guard let action else { return [] }
            return commandsPane(action, &state)
        case .runs:
            guard let action else { return [] }
            return runsPane(action, &state)
        case .panes, .checklist, .metrics, .timeline:
            guard let action else { return [] }
            return pane(action, &state)
        }
    }

    // MARK: Panes

    static func pane(_ action: Action, _ state: inout AppState) -> [Effect] {
        let pane = state.focus
        switch action {
        case .focusNext, .focusPrevious:
            let all = PaneID.allCases
            let index = all.firstIndex(of: pane) ?? 0
            let step = action == .focusNext ? 1 : all.count - 1
            state.focus = all[(index + step) % all.count]
        case .up: move(&state, by: -1)
        case .down: move(&state, by: 1)
        case .pageUp: move(&state, by: -pageSize(state))
        case .pageDown: move(&state, by: pageSize(state))
        case .home: state.selection[pane, default: 0].home()
        case .end: state.selection[pane, default: 0].end(count: state.rowCount(pane))
        case .detail:
            guard let row = state.selectedIndex(.timeline), row < state.timeline.count else {
                return cannot("No event selected", &state)
            }
            let event = state.timeline[row]
            return PaletteCommand.page("Event #\(event.id) · \(event.kindWords)", TimelineText.detail(event), &state)
        case .toggle:
            guard let item = selectedItem(state) else { return cannot(Because.noStep(state), &state) }
            guard state.marks[item.key] == nil else { return [.appendUntick(item)] }
            offerMilestone(for: item, &state)
            return [.appendTick(item)]
        case .skip:
            guard let item = selectedItem(state) else { return cannot(Because.noStep(state), &state) }
            guard let mark = state.marks[item.key] else { return [.appendSkip(item)] }
            return cannot(mark.state == .done ? "Already done: Space unticks it first" : "Already skipped", &state)
        case .guided:
            guard !state.items.isEmpty else { return cannot(Because.noStep(state), &state) }
            // Guided mode walks every item; leaving it selects the step by its item index.
            state.filters[.checklist] = nil
            let firstOpen = state.items.firstIndex { state.marks[$0.key] == nil }
            state.guided = firstOpen ?? state.selectedIndex(.checklist) ?? 0
        case .note: state.overlays.append(.note(LineEditor()))
        case .commandLine: state.overlays.append(.command(LineEditor()))
        case .filter: state.overlays.append(.filter(LineEditor(state.filters[pane] ?? "")))
        case .severity: openSeverityPicker(&state)
        case .chooseList:
            let index = state.shownList.flatMap { ListChoice.all(in: state.runbooks).firstIndex(of: $0) } ?? 0
            state.overlays.append(.chooser(ListCursor(index)))
        case .chart:
            guard let index = state.selectedIndex(.metrics) else {
                return cannot("No metric to chart: the runbooks name none (or the filter hides them)", &state)
            }
            state.overlays.append(.metricChart(state.metrics[index].name))
        case .zoom: state.zoomed.toggle()
        case .cancelRun: return cancelActive(state)
        case .help: state.overlays.append(.help)
        case .quit:
            if state.commandRunning {
                state.overlays.append(.confirmQuit)
            } else {
                state.quitting = true
                return [.quit]
            }
        default: break
        }
        return []
    }

    /// A click on a pane focuses it; on a row, also selects that row. Ignored under overlays
    /// and in guided mode (they cover the panes).
    static func click(x: Int, y: Int, _ state: inout AppState) {
        guard state.overlays.isEmpty, state.guided == nil, let hit = PaneGeometry.hit(x: x, y: y, state) else { return }
        state.footer = nil
        state.focus = hit.pane
        if let row = hit.row {
            if hit.pane == .commands, state.runsShown {
                state.runSelection = ListCursor(row)
            } else {
                state.selection[hit.pane] = ListCursor(row)
            }
        }
    }

    static func selectedItem(_ state: AppState) -> ItemRef? {
        guard state.focus == .checklist, let index = state.selectedIndex(.checklist) else { return nil }
        return state.items[index]
    }

    static func move(_ state: inout AppState, by delta: Int) {
        let pane = state.focus
        state.selection[pane, default: 0].move(by: delta, count: state.rowCount(pane))
    }

    /// Rows a page moves: the focused pane's inner height less one (a row of overlap).
    static func pageSize(_ state: AppState) -> Int {
        let layout = ScreenLayout.compute(width: state.width, height: state.height, activePane: state.focus)
        let height = layout.panes[state.focus]?.height ?? 3
        return max(1, height - 3)
    }

    static func openSeverityPicker(_ state: inout AppState) {
        let index = state.severityLevels.firstIndex { $0.id == state.incident.severity } ?? 0
        state.overlays.append(.severityPicker(ListCursor(index)))
    }
}
