import ArgumentParser
import Foundation
import IncidentKit
import LiveMetrics
import Logging
import RunbookKit

struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Sample the runbook's metrics from Prometheus, commands, the host or HTTP checks.",
        discussion: """
            Sources are bound in warroom.yaml (`metrics:`). With --once (the default) the exit status is \
            0 when every metric is OK (or pending), 1 when any is WARN or CRIT, 2 on errors (a failed \
            sample or a bad binding). --watch reprints every interval until Ctrl-C; with --incident it \
            also records metric_breached / metric_recovered events.
            """)

    @Argument(help: "The Markdown runbook.")
    var runbook: String

    @Option(help: ArgumentHelp("warroom.yaml to use (default: warroom.yaml beside the runbook).", valueName: "FILE"))
    var config: String?

    @Flag(help: "Sample once and exit (default).")
    var once = false

    @Flag(help: "Keep sampling and reprint every interval until Ctrl-C.")
    var watch = false

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "With --watch: record breaches and recoveries in this incident's timeline.",
            valueName: "ID"))
    var incident: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        if once && watch { throw ValidationError("--once and --watch exclude each other") }
        if incident != nil && !watch { throw ValidationError("--incident needs --watch") }
    }

    func run() async throws {
        try DebugLog.start(file: log.file, command: "metrics")
        let logger = DebugLog.logger("metrics")
        let runbookData: Runbook
        do {
            runbookData = try RunbookFile.read(runbook)
        } catch {
            printError("warroom: \(error)")
            throw ExitCode(2)
        }
        let settings =
            WarroomConfig.find(explicit: config, besideRunbook: runbook) ?? WarroomConfig(file: "warroom.yaml")
        for diagnostic in settings.diagnostics { printError(diagnostic.description) }
        ConfigLog.diagnostics(settings, logger: logger)

        let environment = ProcessInfo.processInfo.environment
        let prometheusURL = settings.prometheusURL(environment: environment)
        let plan = MetricPlan(runbook: runbookData.metrics, config: settings, prometheusURL: prometheusURL)
        let metrics = plan.bound.compactMap {
            MetricSampler.Metric(
                $0, prometheusURL: prometheusURL,
                auth: PrometheusAuth.from(environment: environment))
        }
        let unbound = plan.entries.filter { $0.binding == nil }.map(\.unsampledStatus)
        ConfigLog.plan(plan, logger: logger)
        let sampler = MetricSampler(metrics: metrics)
        if watch {
            try await watchLoop(
                sampler, unbound: unbound, interval: plan.bound.map(\.interval).min() ?? 15,
                redacting: settings.redact)
            return
        }
        let statuses = await sampler.sampleOnce() + unbound
        for status in statuses { ConfigLog.status(status, logger: logger) }
        print(json ? MetricsOutput.json(statuses) : MetricsOutput.table(statuses))
        throw ExitCode(MetricsOutput.exitCode(statuses, configErrors: !settings.errors.isEmpty))
    }

    private func watchLoop(
        _ sampler: MetricSampler, unbound: [MetricStatus], interval: Double,
        redacting patterns: [String]
    ) async throws {
        let journal = try reportingErrors { try incident.map { _ in try store.journal(redacting: patterns) } }
        let updates = await sampler.start()
        // Journal writes happen as transitions arrive; the screen is redrawn on its own beat.
        let recorder = Task {
            for await update in updates {
                guard let transition = update.transition else { continue }
                printError(
                    "warroom: \(transition.metric) \(transition.kind.rawValue) (\(transition.level.rawValue)): "
                        + "\(ThresholdText.number(transition.value)) (threshold \(transition.thresholdText))")
                guard let journal, let incident else { continue }
                do {
                    try MetricJournal.record(transition, journal: journal, incident: incident, author: store.authorName)
                } catch {
                    printError("warroom: cannot record \(transition.metric): \(error)")
                }
            }
        }
        defer { recorder.cancel() }
        // Give the first samples a moment so the first screen has values.
        try await Task.sleep(for: .milliseconds(500))
        while !Task.isCancelled {
            let statuses = await sampler.snapshot() + unbound
            printFlushed(json ? MetricsOutput.json(statuses) : MetricsOutput.table(statuses) + "\n")
            try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }
}
