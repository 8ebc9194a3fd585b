import LiveMetrics
import Logging
import RunbookKit

/// What the debug log says about a configuration and the metrics it binds (shared by the console,
/// `exec` and `metrics`).
enum ConfigLog {
    static func diagnostics(_ config: WarroomConfig, logger: Logger) {
        logger.debug("config", metadata: ["file": "\(config.file)", "diagnostics": "\(config.diagnostics.count)"])
        for diagnostic in config.diagnostics {
            logger.warning("\(diagnostic.description)")
        }
    }

    /// Each metric with the source it is sampled from, or why it is not.
    static func plan(_ plan: MetricPlan, logger: Logger) {
        for entry in plan.entries {
            if let binding = entry.binding {
                logger.debug(
                    "bound",
                    metadata: [
                        "metric": "\(entry.name)",
                        "source": "\(ConsoleMetrics.describe(binding.source))"
                    ])
            } else {
                logger.debug(
                    "unbound", metadata: ["metric": "\(entry.name)", "why": "\(entry.unsampledStatus.hint ?? "")"])
            }
        }
    }

    static func status(_ status: MetricStatus, logger: Logger) {
        var metadata: Logger.Metadata = ["metric": "\(status.name)", "state": "\(status.state.rawValue)"]
        if let value = status.value { metadata["value"] = "\(value)" }
        if let error = status.error {
            metadata["error"] = "\(error)"
            logger.warning("sample", metadata: metadata)
        } else {
            logger.debug("sample", metadata: metadata)
        }
    }
}
