import Foundation
import IncidentKit
import RunbookKit

/// Everything the console shows. Changed only by `AppUpdate.update`; drawn by `AppView`.
public struct AppState: Sendable, Equatable {
    public var runbooks: [Runbook] {
        didSet {
            defaultList = findDefaultList()
            // Indices into the commands may have moved: pin the step's again.
            stepCommands = []
            commands = Self.ordered(runbooks, pinning: stepCommands)
            AppUpdate.followStep(&self, keepSelection: true)
            commandSectionIDs = Self.sectionIDs(commands, pinned: stepCommands.count)
            refreshFilters(PaneID.allCases, force: true)
            runbookCadence = Self.runbookCadence(runbook, incident.severity)
        }
    }
    /// The current step's commands, as indices into the runbooks' commands: the commands pane
    /// lists them first, under "▶ This step" (`AppUpdate.followStep` keeps it current).
    public var stepCommands: [Int] = [] {
        didSet {
            guard stepCommands != oldValue else { return }
            commands = Self.ordered(runbooks, pinning: stepCommands)
            commandSectionIDs = Self.sectionIDs(commands, pinned: stepCommands.count)
            refreshFilters([.commands], force: true)
        }
    }
    /// Each command's section as a number (equal sections, equal numbers): the commands pane
    /// compares these on every frame instead of thousands of section strings.
    var commandSectionIDs: [Int]
    public var incident: IncidentSnapshot {
        didSet {
            if incident.severity != oldValue.severity || incident.title != oldValue.title {
                defaultList = findDefaultList()
            }
            guard incident.severity != oldValue.severity else { return }
            runbookCadence = Self.runbookCadence(runbook, incident.severity)
        }
    }
    /// The runbook's own update cadence at the current severity, in seconds (`RoomClocks.updateEvery`):
    /// found when the runbook or the severity changes, since finding it searches the runbook's steps,
    /// too long for every frame on a large runbook.
    private(set) var runbookCadence: UpdateCadence?
    var runbookUpdateEvery: Int? { runbookCadence?.seconds }
    /// Item key (`ItemRef.key`) → done or skipped. Built from the journal's item events.
    public var marks: [String: ItemMark] = [:]
    /// When each milestone (`acknowledged`, `mitigated`, `resolved`) was reached.
    public var milestones: [String: Date] = [:]
    /// Severities whose SLA breach is on the record, or asked to be (so it is recorded once).
    public var slaBreaches: Set<String> = []
    /// Role name → person (`role_assigned` events; the header shows them, `:roles` lists them).
    public var roles: [String: String] = [:]
    /// `roles` with the commander the incident was opened with (a snapshot from before the events).
    public var currentRoles: [String: String] {
        var all = roles
        let commander = IncidentRole.commander.name
        if all[commander] == nil, let person = incident.commander { all[commander] = person }
        return all
    }
    /// Follow-ups in the order added (`:actions`).
    public var followUps: [FollowUpRow] = []
    /// When the last status update went out (`status_update` events).
    public var lastStatusUpdate: Date?
    /// `updates:` from warroom.yaml: the cadence per severity (else the runbook's words).
    public var updateSettings = UpdateSettings()
    /// Escalation levels whose time is on the record, or asked to be (so it is recorded once).
    public var escalationsDue: Set<Int> = []
    /// The incident's alerts by fingerprint (`alert_firing` / `alert_resolved` events).
    public var alerts: [String: FiringAlert] = [:]
    public var firingCount: Int { alerts.values.filter { !$0.resolved }.count }
    /// Events kept in the local outbox while the journal server is unreachable: the header says so.
    public var journalWaiting = 0
    /// Who is in the room, which steps they hold (`Msg.room`): the header and the commands pane show it.
    public var room = RoomPresence()
    public var timeline: [ConsoleEvent] = [] { didSet { refreshFilters([.timeline]) } }
    public var focus: PaneID = .checklist
    /// Selected row of each pane (an index into that pane's items).
    public var selection: [PaneID: ListCursor] = [:]
    public var overlays: [Overlay] = []
    /// Index into `items` while guided mode is on.
    public var guided: Int?
    public var zoomed = false
    public var now: Date
    public var width: Int
    public var height: Int
    /// The runner's runs, by id (oldest first): from `Msg.runs`.
    public var runs: [RunSnapshot] = []
    /// Run id → the output lines the runner still keeps: from `Msg.runOutput`.
    public var outputs: [Int: RunOutput] = [:]
    /// Placeholder name → value remembered in this incident (typed here, or from the journal's
    /// `command_started` events; a masked secret in the journal is not remembered).
    public var vars: [String: String] = [:]
    /// Record would-be runs instead of running (`--dry-run`, `:dry-run on|off`).
    public var dryRun = false
    /// The console's environment: placeholders it already holds are filled in.
    public var environment: [String: String] = [:]
    /// Runners, working directory, extra environment, timeout (from `warroom.yaml`).
    public var runnerSettings = RunnerSettings()
    /// The commands pane shows the runs list instead of the commands (`R`).
    public var runsShown = false
    /// Selected row of the runs list (an index into `runs`).
    public var runSelection: ListCursor = 0
    /// Guided `r`: the step's commands being run one after another.
    public var guidedRun: GuidedRun?
    /// The page of `?` help shown when it is wider than the screen.
    public var helpPage = 0
    public var quitting = false
    /// The footer's one line: an error, or a notice (such as where a postmortem went). One value,
    /// so that the text and its kind cannot disagree.
    public var footer: FooterMessage?
    public var message: String? { footer?.text }
    public var messageIsError: Bool { footer?.isError ?? false }
    /// The section number of the current step's commands.
    static let stepSection = -1

    /// True while any run is active (running or cancelling): `q` then asks first.
    public var commandRunning: Bool { runs.contains(where: \.isActive) }
    /// Live metric readings by metric name (none until the sampler reports).
    public var metricReadings: [String: MetricReading] = [:]
    /// The locale is not UTF-8: charts use ASCII.
    public var asciiOnly = false
    /// Theme names for `:theme` completion.
    public var themeNames: [String] = []
    /// `/` filter text of each pane (rows containing it, case-insensitively).
    public var filters: [PaneID: String] = [:] { didSet { refreshFilters(PaneID.allCases) } }
    /// `:filter KIND`: timeline events of kinds starting with this only.
    public var timelineKind: String? { didSet { refreshFilters([.timeline]) } }
    /// The runbooks are still being read: their panes say so (the timeline already shows).
    public var readingRunbooks = false
    /// What the filters let through, refreshed as the properties above change (not on each key).
    var filterIndex = FilterIndex()

    public init(runbooks: [Runbook], incident: IncidentSnapshot, now: Date, width: Int = 120, height: Int = 40) {
        self.runbooks = runbooks
        self.commands = Self.ordered(runbooks, pinning: [])
        self.commandSectionIDs = Self.sectionIDs(commands)
        self.incident = incident
        self.runbookCadence = Self.runbookCadence(runbooks.first, incident.severity)
        self.now = now
        self.width = width
        self.height = height
        self.defaultList = findDefaultList()
        AppUpdate.followStep(&self)
    }

    static func runbookCadence(_ runbook: Runbook?, _ severity: String) -> UpdateCadence? {
        runbook?.updateCadence(for: severity)
    }

    /// The checklist or procedure chosen with `c` (or kept when a severity's procedure was
    /// declined); nil: `defaultList`.
    public var activeList: ListChoice? { didSet { refreshFilters([.checklist], force: true) } }

    /// The list the checklist pane shows: the chosen one, else `defaultList`.
    public var shownList: ListChoice? { activeList ?? defaultList }

    /// Steps on any runbook: the first runbook's incident checklist; without one, the procedure
    /// of the incident's severity (`### P1: API down` … steps), else the procedure named like
    /// the incident, else the runbook's only procedure. Kept by `runbooks` and `incident` when
    /// they change: every frame reads it many times, and finding it judges every checklist's title.
    public private(set) var defaultList: ListChoice?

    private func findDefaultList() -> ListChoice? {
        if isWalk { return Walk.list(titled: incident.title, in: runbooks) }
        if let book = runbook, let index = book.incidentChecklistIndex {
            return ListChoice(runbook: 0, source: .checklist(index))
        }
        if let name = severityLevel?.procedure, let choice = ListChoice.procedure(named: name, in: runbooks) {
            return choice
        }
        return ListChoice.procedure(matching: incident.title, in: runbooks) ?? ListChoice.onlyProcedure(in: runbooks)
    }

    /// The first runbook: its severities and SLA rules apply.
    public var runbook: Runbook? { runbooks.first }

    /// The runbook of the shown checklist (its command ids are that runbook's).
    public var listRunbook: Runbook? {
        guard let shown = shownList, shown.runbook < runbooks.count else { return runbook }
        return runbooks[shown.runbook]
    }

    public var checklist: Checklist? {
        shownList.flatMap { $0.checklist(in: runbooks) }
    }

    public var items: [ItemRef] {
        guard let checklist else { return [] }
        return checklist.items.indices.map {
            ItemRef(checklist: checklist.title, index: $0, text: checklist.items[$0].text)
        }
    }

    /// Levels for the picker: the runbook's, else SEV1…SEV5.
    public var severityLevels: [SeverityLevel] {
        if let levels = runbook?.severities, !levels.isEmpty { return levels }
        return (1...5).map { SeverityLevel(id: "SEV\($0)", rank: $0, line: 0) }
    }

    public var severityLevel: SeverityLevel? {
        severityLevels.first { $0.id == incident.severity }
    }

    /// Every runbook's metrics, in runbook order.
    public var metrics: [MetricSpec] { runbooks.count == 1 ? runbooks[0].metrics : runbooks.flatMap(\.metrics) }

    /// Every runbook's commands in order (stable, so a selection index stays put), the current
    /// step's first. Kept by `runbooks` and `stepCommands` when they change: every frame reads it
    /// several times, and building it copies every command of a large runbook.
    public private(set) var commands: [RunbookCommand]

    static func ordered(_ runbooks: [Runbook], pinning stepCommands: [Int]) -> [RunbookCommand] {
        let all = runbooks.count == 1 ? runbooks[0].commands : runbooks.flatMap(\.commands)
        guard !stepCommands.isEmpty else { return all }
        let pinned = Set(stepCommands)
        return stepCommands.map { all[$0] } + all.indices.lazy.filter { !pinned.contains($0) }.map { all[$0] }
    }

    public var doneCount: Int {
        items.filter { marks[$0.key] != nil }.count
    }

    public func selected(_ pane: PaneID) -> Int {
        (selection[pane] ?? 0).clamped(to: rowCount(pane))
    }

    /// Section numbers of `commands`; the first `pinned` (the current step's) are `stepSection`.
    static func sectionIDs(_ commands: [RunbookCommand], pinned: Int = 0) -> [Int] {
        var ids: [String: Int] = [:]
        return Array(repeating: stepSection, count: pinned)
            + commands.dropFirst(pinned).map { command in
                if let id = ids[command.section] { return id }
                ids[command.section] = ids.count
                return ids.count - 1
            }
    }

    /// Re-filters what changed. The index is taken out of `self` first, so it is the only
    /// reference and grows in place (an append to the timeline filters only the new events).
    private mutating func refreshFilters(_ panes: [PaneID], force: Bool = false) {
        var index = filterIndex
        filterIndex = FilterIndex()
        for pane in panes { index.refresh(pane, self, force: force) }
        filterIndex = index
    }

    /// Indices of the pane's items shown (after filters); nil when all are.
    public func visible(_ pane: PaneID) -> [Int]? { filterIndex.visible(pane) }

    /// The pane's item index of its selected row, nil when it shows none.
    public func selectedIndex(_ pane: PaneID) -> Int? {
        let row = selected(pane)
        if let shown = visible(pane) { return row < shown.count ? shown[row] : nil }
        return row < itemCount(pane) ? row : nil
    }

    /// Rows shown in the pane (filtered).
    public func rowCount(_ pane: PaneID) -> Int {
        visible(pane)?.count ?? itemCount(pane)
    }

    func itemCount(_ pane: PaneID) -> Int { PaneFilter.itemCount(pane, self) }

    /// Who takes the keys: the top overlay, else guided mode, else the focused pane.
    public var context: BindingContext {
        if let top = overlays.last {
            switch top {
            // Both are read-only pages: Esc closes, PgDn/PgUp turn (`helpPage`).
            case .help, .alerts, .page: return .help
            case .sendUpdate: return .sendUpdate
            case .offerMilestone: return .offerMilestone
            case .note: return .note
            case .command: return .command
            case .filter: return .filter
            case .severityPicker: return .severity
            case .chooser: return .chooser
            case .offerProcedure: return .offer
            case .confirmQuit: return .confirmQuit
            case .metricChart: return .chart
            case .run(let dialog): return dialog.context
            case .output: return .output
            case .vars: return .vars
            case .offerTick: return .offerTick
            }
        }
        if guided != nil { return .guided }
        switch focus {
        case .checklist: return .checklist
        case .metrics: return .metrics
        case .commands: return runsShown ? .runs : .commands
        case .timeline: return .timeline
        }
    }

    /// The newest event applied (a run's finish folds into its start's row, so not the last row's id).
    public var lastEventID: Int64 = 0
    /// This console's writes kept in the offline outbox (negative ids), by what identifies their
    /// server copy once pushed (see `AppUpdate.landOfflineWrite`).
    var offlineWrites: [OfflineWrite: Int64] = [:]
    /// Timeline rows that arrived while the selection was scrolled up: the title says "3 new ↓".
    public var timelineUnseen = 0
    /// The timeline's author column: the widest author seen, at most 16 (kept, not measured per frame).
    public var timelineAuthorWidth = 0

    /// The actions the top overlay answers to now, when that depends on what it shows
    /// (a dialog's kind, typing or not); nil: every action of the context. Trims the footer hints.
    public var applicableActions: Set<Action>? {
        let editing: Set<Action> = [.commit, .close, .editDeleteToStart]
        switch overlays.last {
        case .run(.form): return editing.union([.down, .up])
        case .run(.preview(let preview)):
            if preview.run.confirmationWord != nil { return editing }
            return preview.run.risk == .read ? [.commit, .close] : [.confirm, .close]
        case .run(.manual): return [.done, .close]
        case .run(.problem): return [.close]
        case .output(let viewer):
            return viewer.search != nil
                ? editing : Set(Bindings.all.map(\.action)).subtracting(editing.subtracting([.close]))
        case .vars(let editor): return editor.editing != nil ? editing : nil
        default: return nil
        }
    }

    /// The run whose output is on screen (the viewer's, else the one selected in the runs list,
    /// whose latest lines show under it): the runtime need only send `Msg.runOutput` for it.
    public var viewedRunId: Int? {
        if case .output(let viewer)? = overlays.last { return viewer.runId }
        return runsShown ? selectedRun?.id : nil
    }

    /// The run selected in the runs list, nil when there are none.
    public var selectedRun: RunSnapshot? {
        runs.isEmpty ? nil : runs[runSelection.clamped(to: runs.count)]
    }

    /// The command with this id (the first runbook's first, when several share ids).
    public func command(id: Int) -> RunbookCommand? {
        listRunbook?.command(id) ?? commands.first { $0.id == id }
    }
}
