/// Accumulates metrics, merging entries that name the same metric. The first value found for
/// a field wins; later places fill what is missing.
struct MetricMerger {
    private(set) var metrics: [MetricSpec] = []
    /// Exact name keys → index; the fuzzier subset match is tried only while the list is short,
    /// so a pathological alert list of thousands of lines stays linear.
    private var exact: [[String]: Int] = [:]
    private var keys: [Set<String>] = []
    /// Query → index, for the queries `setQuery` gave.
    private var byQuery: [String: Int] = [:]
    static let fuzzyLimit = 256

    /// `ThresholdParser.condition` of each distinct text read so far (alert lines and trigger
    /// items repeat); only the line differs between two reads of the same text.
    private var conditions: [String: ThresholdParser.Condition?] = [:]

    mutating func condition(_ text: String, line: Int) -> ThresholdParser.Condition? {
        var found: ThresholdParser.Condition?
        if let known = conditions[text] {
            found = known
        } else {
            // "Lag under 10 s is healthy", "until the burn rate is back under 1": no breach.
            found = ThresholdParser.saysAllIsWell(text) ? nil : ThresholdParser.condition(text, line: line)
            conditions[text] = found
        }
        if found?.threshold != nil { found!.threshold!.line = line }
        return found
    }

    private func index(key: Set<String>) -> Int? {
        if let i = exact[key.sorted()] { return i }
        guard metrics.count <= Self.fuzzyLimit else { return nil }
        return keys.firstIndex { MetricName.same($0, key) }
    }

    /// `distinct`: merge only with an entry of exactly the same name (alerts of a catalogue).
    mutating func add(
        name: String, target: String? = nil, warning: Threshold? = nil, critical: Threshold? = nil,
        condition: String? = nil, line: Int, distinct: Bool = false
    ) {
        let key = MetricName.key(name)
        if let i = distinct ? exact[key.sorted()] : index(key: key) {
            metrics[i].target = metrics[i].target ?? target
            metrics[i].warning = Self.merge(metrics[i].warning, warning)
            metrics[i].critical = Self.merge(metrics[i].critical, critical)
            if let condition, !metrics[i].conditions.contains(condition) { metrics[i].conditions.append(condition) }
        } else {
            exact[key.sorted()] = metrics.count
            keys.append(key)
            metrics.append(
                MetricSpec(
                    name: name, target: target, warning: warning, critical: critical,
                    conditions: condition.map { [$0] } ?? [], line: line))
        }
    }

    /// The first threshold given for a level wins; a later one with the same comparison adds
    /// what the first left out ("> 5%" in a table, "> 5% for 5 minutes" in an alert list).
    static func merge(_ first: Threshold?, _ later: Threshold?) -> Threshold? {
        guard var first else { return later }
        guard let later, later.op == first.op, later.value == first.value, later.unit == first.unit || later.unit == nil
        else { return first }
        first.forSeconds = first.forSeconds ?? later.forSeconds
        first.windowSeconds = first.windowSeconds ?? later.windowSeconds
        first.qualifier = first.qualifier ?? later.qualifier
        return first
    }

    /// Ties a PromQL query to the metric it measures, by the words they share.
    /// Gives the metric called `name` (as `add` found or made it) the query its condition was
    /// written in, unless it has one.
    /// `distinct`: only the entry of exactly that name (an alert of a catalogue).
    mutating func setQuery(_ query: String, forName name: String, distinct: Bool = false) {
        let key = MetricName.key(name)
        guard let i = distinct ? exact[key.sorted()] : index(key: key), metrics[i].query == nil else { return }
        metrics[i].query = query
        byQuery[query] = byQuery[query] ?? i
    }

    /// The name of the metric that samples `query` (given by `setQuery`), if one does.
    func name(sampling query: String) -> String? {
        byQuery[query].map { metrics[$0].name }
    }

    mutating func attach(query: String) -> Bool {
        let words = PromQLFinder.words(of: query)
        var best: (index: Int, score: Int)? = nil
        for (i, metric) in metrics.enumerated() where metric.query == nil {
            // What a metric measures (errors, latency, memory …) counts more than other shared words.
            let shared = keys[i].intersection(words)
            let score = shared.reduce(0) { $0 + (PromQLFinder.measures.contains($1) ? 2 : 1) }
            if score > 0, score > (best?.score ?? 0) { best = (i, score) }
        }
        guard let best else { return false }
        metrics[best.index].query = query
        return true
    }
}
