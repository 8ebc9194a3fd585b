/// Raw network clients fed what to send: `printf 'flush_all\r\n' | nc mc-1 11211`,
/// `echo shutdown | socat - TCP:cache:11211`, `telnet db 6379 <<<FLUSHALL`. Alone they check a
/// port and are read (`nc -zv host 5432`); fed, they speak the service's own protocol, so each line
/// sent is judged by its first word: a flush, a delete or a shutdown of a cache, a queue or a
/// store is destructive, a status query (memcached `stats`, Redis `INFO`, ZooKeeper `ruok`, an
/// HTTP `GET`) is read, anything else a change. Text from a file or another program is a change.
enum FedNetworkClients {
    static let programs: Set<String> = ["nc", "ncat", "netcat", "telnet", "socat"]

    /// First words of a line that destroy data or stop the service, in the common text protocols
    /// (memcached, Redis inline commands, HTTP methods, ZooKeeper).
    static let destructiveWords: Set<String> = [
        "flush_all", "flushall", "flushdb", "shutdown", "del", "delete", "unlink", "drop", "truncate", "kill",
        "debug", "slaveof", "replicaof", "swapdb", "rmr", "deleteall"
    ]
    /// First words that only ask: memcached and Redis status, ZooKeeper's four-letter words, HTTP reads.
    static let readWords: Set<String> = [
        "stats", "stat", "version", "info", "get", "gets", "ping", "ruok", "srvr", "mntr", "conf", "envi", "cons",
        "wchs", "isro", "head", "options", "exists", "ttl", "type", "keys", "scan", "dbsize", "quit", "echo",
        "slowlog", "memory", "latency", "role", "time", "lastsave", "llen", "hgetall", "smembers"
    ]

    /// nil when the client is not fed (its own arguments decide, as a port check).
    static func verdict(_ inv: ShellInvocation, pipeline: [String]) -> RiskVerdict? {
        let fed: [String]
        switch FedText.of(inv, pipeline: pipeline) {
        case .none: return nil
        case .unseen(let source): return unseen(inv, from: source)
        case .written(let texts): fed = texts
        }
        var worst: RiskVerdict? = nil
        for text in fed {
            // printf's and echo -e's `\r\n` end the protocol's lines, as a newline does.
            let lines = text.replacingOccurrences(of: "\\r", with: "").replacingOccurrences(of: "\\n", with: "\n")
            for line in lines.split(separator: "\n") {
                guard let first = line.split(separator: " ").first?.lowercased() else { continue }
                worst = .worst(worst, judge(first, client: inv.program))
            }
        }
        return worst
    }

    private static func judge(_ word: String, client: String) -> RiskVerdict {
        if destructiveWords.contains(word) {
            return RiskVerdict(
                risk: .destructive, reason: "destructive: \(client) sends `\(word)` to the service (deletes or stops)",
                word: word)
        }
        if readWords.contains(word) {
            return RiskVerdict(risk: .read, reason: "read: \(client) sends `\(word)`, a query")
        }
        return RiskVerdict(risk: .change, reason: "change: \(client) sends `\(word)` to the service")
    }

    private static func unseen(_ inv: ShellInvocation, from source: String) -> RiskVerdict {
        RiskVerdict(risk: .change, reason: "change: \(inv.program) sends \(source) to the service")
    }
}
