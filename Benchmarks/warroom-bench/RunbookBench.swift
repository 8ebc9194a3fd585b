enum RunbookBench {
    static func run() {
        print("runbook: not measured yet")
    }
}
