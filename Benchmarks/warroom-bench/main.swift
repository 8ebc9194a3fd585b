// `make bench`: each suite prints its figures beside a baseline measured in the same run.
// Suites live in their own files; add a line here for each. Arguments pick suites by name
// (`warroom-bench metrics sampling`); none runs them all.
let suites: [(name: String, run: () -> Void)] = [
    ("runbook", RunbookBench.run),
    ("journal", JournalBench.run),
    ("canvas", CanvasBench.run),
    ("metrics", MetricsBench.run),
    ("console", ConsoleBench.run),
    ("sampling", ConsoleSamplingBench.run),
    ("runner", RunnerBench.run),
    ("consolerunner", ConsoleRunnerBench.run),
]
let wanted = Set(CommandLine.arguments.dropFirst())
for suite in suites where wanted.isEmpty || wanted.contains(suite.name) { suite.run() }
