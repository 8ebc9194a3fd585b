import Foundation
import RunbookKit

/// Guided mode: one step at a time, and what the keys that cannot act say.
extension AppUpdate {
    static func guide(_ action: Action?, _ state: inout AppState) -> [Effect] {
        guard let index = state.guided else { return [] }
        let items = state.items
        guard index < items.count else { state.guided = nil; return [] }
        let item = items[index]
        var effects: [Effect] = []
        switch action {
        case .done:
            if state.marks[item.key]?.state != .done {
                effects.append(.appendTick(item))
                offerMilestone(for: item, &state)
            }
            advance(&state, from: index)
        case .skip:
            if state.marks[item.key] == nil { effects.append(.appendSkip(item)) }
            advance(&state, from: index)
        case .back:
            state.guided = max(index - 1, 0)
        case .close:
            state.selection[.checklist] = index
            state.guided = nil
            state.guidedRun = nil
        case .runStep: return runStep(&state)
        case .cancelRun: return cancelActive(state)
        case .note: state.overlays.append(.note(LineEditor()))
        case .help: state.overlays.append(.help)
        default: break
        }
        return effects
    }

    /// A step that says to acknowledge (the page, the alert, the incident) is the moment the SLA
    /// clock stops: ticking it offers the milestone, once, while it is not recorded.
    static func offerMilestone(for item: ItemRef, _ state: inout AppState) {
        let words = item.text.lowercased()
        guard words.contains("acknowledg") || words.hasPrefix("ack ") || words.contains(" ack "),
            state.milestones["acknowledged"] == nil, state.milestones["resolved"] == nil
        else { return }
        state.overlays.append(.offerMilestone("acknowledged"))
    }

    /// A key that cannot act says why in the footer, rather than doing nothing.
    static func cannot(_ why: String, _ state: inout AppState) -> [Effect] {
        state.footer = .error(why)
        return []
    }

    /// Why keys cannot act, in words shared by the keys that meet the same situation.
    enum Because {
        static func noStep(_ state: AppState) -> String {
            if state.readingRunbooks { return "The runbooks are still being read" }
            if state.checklist == nil { return "No checklist or procedure shown: c chooses one" }
            if state.items.isEmpty { return "This list has no steps: c chooses another" }
            return "No step selected (the filter hides them all: / then Esc clears it)"
        }
    }

    /// Guided mode from the first open step (what `g` does): a walk opens this way.
    public static func startGuided(_ state: inout AppState) {
        _ = pane(.guided, &state)
        followStep(&state)
    }

    static func advance(_ state: inout AppState, from index: Int) {
        if index + 1 < state.items.count {
            state.guided = index + 1
        } else {
            state.guided = nil
            state.selection[.checklist] = index
            state.footer = .notice("Guided mode: last step reached")
            if state.isWalk, state.milestones["resolved"] == nil { state.overlays.append(.offerMilestone("resolved")) }
        }
    }
}
