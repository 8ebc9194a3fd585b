import Foundation
import RunbookKit

/// Everything that can happen to the console: fed to `AppUpdate.update`.
public enum Msg: Sendable, Equatable {
    case key(KeyEvent)
    /// A left click at a screen cell (0-based column and row).
    case click(x: Int, y: Int)
    /// Once a second (and at start): the clock.
    case tick(Date)
    case resize(width: Int, height: Int)
    /// Committed journal events, from this console or any other writer, in id order.
    case journalEvents([ConsoleEvent])
    /// An effect could not be performed; the text is shown in the footer.
    case failed(String)
    /// Something done that is worth saying (a postmortem's path, the theme now shown).
    case notice(String)
    /// Live metric readings from the sampler (replacing earlier ones of the same name).
    case metricReadings([MetricReading])
    /// How many events wait in the local outbox for an unreachable journal server (0: none).
    case journalWaiting(Int)
    /// Who is in the incident's room now and which steps are held (polled; not journal events).
    case room(RoomPresence)
    /// A run was not started: another console holds its step (`hold` says who, since when, running what).
    case claimRefused(RoomPresence.Hold, commandId: Int)
    /// The runner's runs as they are now (started, progressing, finished): each replaces the
    /// one with its id, new ids are added. Sent whenever a run changes state, flag or counts.
    case runs([RunSnapshot])
    /// The lines the runner still keeps of run `id` (its ring): they replace the console's copy.
    /// `firstLine` is how many of the run's lines came before `lines[0]` (0: none dropped).
    case runOutput(id: Int, firstLine: Int, lines: [OutputLine])
    /// The runbooks, read behind the first frame (a large one takes a while to extract).
    case runbooksRead([Runbook])
    /// A read-only page to show (a hand-off briefing): Esc closes it.
    case page(title: String, lines: [String])
    /// The commander's edited status update, to confirm before it is sent and recorded.
    case updateDrafted(String)
}

/// What `update` asks the runtime to do. Data only, so tests compare them.
/// Journal writes show on screen only once they come back as `journalEvents`.
public enum Effect: Sendable, Equatable {
    case appendTick(ItemRef)
    case appendUntick(ItemRef)
    case appendSkip(ItemRef)
    /// `step`: the guided step the note was written on.
    case appendNote(String, step: ItemRef? = nil)
    case setSeverity(String)
    case setStatus(String)
    case assignRole(role: String, person: String)
    /// `at`: when it was reached, if not now.
    case appendMilestone(String, at: Date?)
    /// The runbook's escalation step `level` came due (`escalation_due`).
    case recordEscalation(level: Int, who: String, afterSeconds: Int, contact: String?)
    /// The severity's response time passed unacknowledged (`sla_breached`).
    case recordSLABreach(severity: String, responseSeconds: Int)
    /// Write the Markdown postmortem to this file, nil: beside the store.
    case writePostmortem(String?)
    /// Switch to this theme (not journalled: it is how this console looks, not the incident).
    case setTheme(String)
    /// Run this prepared command (`dryRun`: record it as a would-be run, execute nothing).
    /// `run.interactive`: suspend the console and give the command the real terminal.
    /// The runtime reports the run back through `Msg.runs` and `Msg.runOutput`.
    case startRun(PreparedRun, dryRun: Bool)
    /// Cancel run `id` (SIGINT to its group, then SIGTERM, then SIGKILL).
    case cancelRun(Int)
    /// A destructive run was refused at its confirmation: record that it was asked for and why
    /// it did not run (nothing executed).
    case recordRefusal(PreparedRun, reason: String)
    /// A manual step was done by hand: record it in the journal.
    case markCommandDone(commandId: Int)
    /// Record the hand-off of `role` to `to` and show the briefing (`Msg.page`).
    case handoff(role: String, to: String)
    /// Open a status update in `$EDITOR` (`Msg.updateDrafted` brings it back): `text` again, else a
    /// new draft from the runbook's template.
    case draftUpdate(String?)
    /// Send the update through `updates.command` (when set) and record it.
    case sendUpdate(String)
    /// A follow-up; an `@name` word in the text names its owner.
    case addFollowUp(String)
    /// Close follow-up `id`: done, or dropped when `reason` says why.
    case closeFollowUp(id: Int64, text: String, reason: String?)
    case quit
}
