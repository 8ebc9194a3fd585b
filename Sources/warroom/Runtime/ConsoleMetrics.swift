import Foundation
import IncidentKit
import LiveMetrics
import Logging
import RunbookKit

/// Samples the runbooks' metrics while the console runs, planned as `warroom metrics` plans them.
/// A breach or recovery is journalled first; the timeline then shows it through the journal watcher.
enum ConsoleMetrics {
    static func start(
        runbooks: [Runbook], config: WarroomConfig?, journal: any Journal, incidentID: String,
        author: String, inbox: MetricInbox, problems: ProblemInbox
    ) -> Task<Void, Never> {
        let settings = config ?? WarroomConfig(file: "warroom.yaml")
        let environment = ProcessInfo.processInfo.environment
        let prometheusURL = settings.prometheusURL(environment: environment)
        let plan = MetricPlan(runbook: runbooks.flatMap(\.metrics), config: settings, prometheusURL: prometheusURL)
        var sources: [String: String] = [:]
        for entry in plan.entries {
            if let binding = entry.binding {
                sources[entry.name] = describe(binding.source)
            } else {
                inbox.push(entry.unsampledStatus, source: nil, sampled: false)
            }
        }
        let metrics = plan.bound.compactMap {
            MetricSampler.Metric(
                $0, prometheusURL: prometheusURL,
                auth: PrometheusAuth.from(environment: environment))
        }
        let known = sources
        let logger = DebugLog.logger("metrics")
        ConfigLog.plan(plan, logger: logger)
        return Task.detached {
            guard !metrics.isEmpty else { return }
            let sampler = MetricSampler(metrics: metrics)
            let updates = await sampler.start()
            // STALE comes from the clock, not from a sample: look for it once a second.
            let staleWatch = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    for status in await sampler.snapshot() where status.state == .stale {
                        inbox.push(status, source: known[status.name], sampled: false)
                    }
                }
            }
            defer { staleWatch.cancel() }
            await withTaskCancellationHandler {
                // Only changes are logged: a sample every few seconds would bury them.
                var last: [String: String] = [:]
                for await update in updates {
                    let status = update.status
                    let summary = "\(status.state.rawValue) \(status.error ?? "")"
                    if last.updateValue(summary, forKey: status.name) != summary {
                        ConfigLog.status(status, logger: logger)
                    }
                    if let transition = update.transition {
                        logger.info(
                            "\(transition.kind.rawValue)",
                            metadata: [
                                "metric": "\(transition.metric)", "level": "\(transition.level.rawValue)",
                                "value": "\(transition.value)", "threshold": "\(transition.thresholdText)"
                            ])
                        do {
                            _ = try MetricJournal.record(
                                transition, journal: journal, incident: incidentID, author: author)
                        } catch {
                            problems.report("recording \(transition.metric) \(transition.kind.rawValue): \(error)")
                        }
                    }
                    inbox.push(update.status, source: known[update.status.name], sampled: true)
                }
            } onCancel: {
                Task { await sampler.stop() }
            }
        }
    }

    static func describe(_ source: MetricBinding.Source) -> String {
        switch source {
        case .prometheus(let query): "prometheus: \(query)"
        case .command(let line): "command: \(line)"
        case .host(let name): "host: \(name)"
        case .http(let url): "http: \(url)"
        }
    }
}
