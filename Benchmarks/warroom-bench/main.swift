// `make bench`: each suite prints its figures beside a baseline measured in the same run.
// Suites live in their own files; add a line here for each. `warroom-bench runner` runs only
// the suites named.
let only = Set(CommandLine.arguments.dropFirst().map { $0.lowercased() })
func wanted(_ suite: String) -> Bool { only.isEmpty || only.contains(suite) }

if wanted("runbook") { RunbookBench.run() }
if wanted("journal") { JournalBench.run() }
if wanted("canvas") { CanvasBench.run() }
if wanted("metrics") { MetricsBench.run() }
if wanted("console") { ConsoleBench.run() }
if wanted("runner") { RunnerBench.run() }
