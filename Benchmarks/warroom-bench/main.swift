// `make bench`: each suite prints its figures beside a baseline measured in the same run.
// Suites live in their own files; add a line here for each.
RunbookBench.run()
JournalBench.run()
CanvasBench.run()
MetricsBench.run()
ConsoleBench.run()
ConsoleSamplingBench.run()
