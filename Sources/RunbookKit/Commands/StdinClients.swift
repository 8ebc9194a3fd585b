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
        let fed: [String]
        switch FedText.of(inv, pipeline: pipeline) {
        case .none: return nil
        case .unseen(let source): return unseen(inv, from: source)
        case .written(let texts): fed = texts
        }
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

/// What a command is fed on standard input: text written in the command (a heredoc, a
/// here-string, echo or printf piped in), text that cannot be known (a file, another program's
/// output), or nothing. Shared by the clients that run what they are fed.
enum FedText {
    case none
    /// Where the unknown text comes from, as a reason says it.
    case unseen(String)
    case written([String])

    static func of(_ inv: ShellInvocation, pipeline: [String]) -> FedText {
        var fed: [String] = []
        if let doc = inv.source.heredoc { fed.append(doc) }
        for redirect in inv.source.redirects where redirect.op == "<<<" { fed.append(redirect.target) }
        if inv.source.pipedIn {
            let piped = ShellRisk.fed(into: inv.program, pipeline: pipeline)
            guard let piped, ["echo", "printf"].contains(piped.feeder) else {
                return .unseen("the output of `\(piped?.feeder ?? "a program")`")
            }
            fed.append(piped.text)
        }
        if fed.isEmpty, let file = inv.source.redirects.first(where: { $0.op == "<" }) {
            return .unseen("`\(file.target)`")
        }
        return fed.isEmpty ? .none : .written(fed)
    }
}
