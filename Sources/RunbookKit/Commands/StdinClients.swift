/// Clients that run the commands on their standard input: `echo FLUSHALL | redis-cli`,
/// `redis-cli < cmds.txt`, `mongosh <<EOF … EOF`. Bare, they open a session and are read; fed,
/// they run what is fed. Text written in the command (echo, printf, a here-string, a heredoc) is
/// judged line by line as the client's own arguments; text from a file or another program
/// cannot be known, and is a change. SQL clients are judged by `ShellRisk.sqlClientVerdict`.
enum StdinClients {
    static let programs: Set<String> = ["redis-cli", "valkey-cli", "keydb-cli", "mongo", "mongosh"]

    /// nil when the client is not fed (its own arguments decide); `judge` gives the rules' verdict
    /// for one line fed, as if written after the client's arguments.
    static func verdict(
        _ inv: ShellInvocation, pipeline: [String], judge: (ShellInvocation) -> RiskVerdict
    ) -> RiskVerdict? {
        guard !givenItsCommand(inv) else { return nil }
        let fromFile = inv.source.redirects.first { $0.op == "<" }
        var fed: [String] = []
        if let doc = inv.source.heredoc { fed.append(doc) }
        for redirect in inv.source.redirects where redirect.op == "<<<" { fed.append(redirect.target) }
        if inv.source.pipedIn {
            let piped = ShellRisk.fed(into: inv.program, pipeline: pipeline)
            guard let piped, ["echo", "printf"].contains(piped.feeder) else {
                return unseen(inv, from: "the output of `\(piped?.feeder ?? "a program")`")
            }
            fed.append(piped.text)
        }
        if let fromFile, fed.isEmpty { return unseen(inv, from: "`\(fromFile.target)`") }
        guard !fed.isEmpty else { return nil }
        var plain = inv.source
        (plain.pipedIn, plain.heredoc) = (false, nil)
        plain.redirects.removeAll { $0.op == "<" || $0.op == "<<<" }
        var worst: RiskVerdict? = nil
        // printf's `\n` separates the commands it feeds, as a newline does.
        for text in fed {
            for line in text.replacingOccurrences(of: "\\n", with: "\n").split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard !words.isEmpty else { continue }
                worst = .worst(
                    worst, judge(ShellInvocation(program: inv.program, args: inv.args + words, source: plain)))
            }
        }
        return worst
    }

    /// `redis-cli DEL k` (also after `xargs`), `mongosh --eval …`: the command is in the arguments,
    /// and what comes on standard input is data.
    private static func givenItsCommand(_ inv: ShellInvocation) -> Bool {
        if inv.program.hasPrefix("mongo") { return inv.lowerArgs.contains { $0.hasPrefix("--eval") } }
        return !inv.positionals(valueFlags: ShellInvocations.valueFlags(for: "redis-cli")).isEmpty
    }

    private static func unseen(_ inv: ShellInvocation, from source: String) -> RiskVerdict {
        RiskVerdict(risk: .change, reason: "change: \(inv.program) runs the commands fed from \(source)")
    }
}
