import RunbookKit

/// Guided `r`: the current step's commands run one after another, each through the same form,
/// preview and confirmation, stopping at the first that does not end `exited(0)`.
/// Advanced by `Msg.runs`; when every command succeeded the console offers to tick the item.
public struct GuidedRun: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// The command's dialog is open.
        case asking(commandId: Int)
        /// Its run was asked for; `known` are the run ids that existed then, so the new one is recognised.
        case starting(commandId: Int, known: Set<Int>)
        /// Its run is going.
        case running(runId: Int)
    }

    /// The guided item's index.
    public var item: Int
    /// Command ids still to run, in order.
    public var pending: [Int]
    public var phase: Phase
    /// Some commands were only recorded (dry run): the item is not offered for ticking.
    public var dryRun = false
}

extension AppUpdate {
    /// `r` in guided mode: start on the step's first command.
    static func runStep(_ state: inout AppState) -> [Effect] {
        guard let index = state.guided, let checklist = state.checklist, index < checklist.items.count else {
            return []
        }
        let ids = checklist.items[index].commands
        guard !ids.isEmpty else {
            state.footer = .error("This step has no commands to run")
            return []
        }
        state.guidedRun = GuidedRun(item: index, pending: ids, phase: .asking(commandId: ids[0]))
        return nextGuidedCommand(&state)
    }

    /// Opens the next pending command's dialog, or (none left) offers to tick the item.
    static func nextGuidedCommand(_ state: inout AppState) -> [Effect] {
        guard var run = state.guidedRun else { return [] }
        guard let id = run.pending.first else {
            state.guidedRun = nil
            let item = state.items.indices.contains(run.item) ? state.items[run.item] : nil
            if run.dryRun || item == nil {
                state.footer = .notice("Dry run: the step's commands were recorded, not run; the step stays open")
            } else if let item, state.marks[item.key]?.state != .done {
                state.overlays.append(.offerTick(item))
            }
            return []
        }
        run.pending.removeFirst()
        run.phase = .asking(commandId: id)
        state.guidedRun = run
        guard let command = state.command(id: id) else {
            stopGuidedRun("command \(id) is not in the runbook", &state)
            return []
        }
        return beginRun(command, interactive: false, &state)
    }

    static func stopGuidedRun(_ why: String, _ state: inout AppState) {
        guard state.guidedRun != nil else { return }
        state.guidedRun = nil
        state.footer = .error("Guided run stopped: " + why)
    }

    /// Called after `Msg.runs`: follows the guided command's run to its end.
    static func advanceGuidedRun(_ state: inout AppState) -> [Effect] {
        guard var guided = state.guidedRun else { return [] }
        switch guided.phase {
        case .asking: return []
        case .starting(let commandId, let known):
            guard let run = state.runs.first(where: { $0.commandId == commandId && !known.contains($0.id) }) else {
                return []
            }
            guided.phase = .running(runId: run.id)
            state.guidedRun = guided
            return advanceGuidedRun(&state)
        case .running(let runId):
            guard let run = state.runs.first(where: { $0.id == runId }), !run.isActive else { return [] }
            switch run.state {
            case .exited(0): break
            case .dryRun: guided.dryRun = true
            default:
                stopGuidedRun("command \(run.commandId) ended \(RunStateText.words(run))", &state)
                return []
            }
            state.guidedRun = guided
            return nextGuidedCommand(&state)
        }
    }
}
