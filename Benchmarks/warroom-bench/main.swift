import Foundation

// `make bench`: each suite prints its figures beside a baseline measured in the same run.
// Suites live in their own files; add a line here for each. Arguments pick suites by name
// (`warroom-bench metrics sampling`); none runs them all.
let suites: [(name: String, run: () -> Void)] = [
    ("runbook", RunbookBench.run),
    ("bigrunbook", BigRunbookBench.run),
    (
        "journal",
        {
            JournalBench.run(); PostgresJournalBench.run()
        }
    ),
    ("canvas", CanvasBench.run),
    ("metrics", MetricsBench.run),
    ("console", ConsoleBench.run),
    ("sampling", ConsoleSamplingBench.run),
    ("runner", RunnerBench.run),
    ("consolerunner", ConsoleRunnerBench.run),
    ("alerts", AlertsBench.run)
]
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "bigrunbook-child",
    let size = Int(CommandLine.arguments[2])
{
    BigRunbookBench.childMain(megabytes: size)
    exit(0)
}
let wanted = Set(CommandLine.arguments.dropFirst())
for suite in suites where wanted.isEmpty || wanted.contains(suite.name) { suite.run() }
