import Foundation

/// Threshold checks inside shell scripts: `if [ "$DISK_USAGE" -gt 90 ]; then echo "… critical"`.
enum ShellThresholds {
    static let operators: [String: Threshold.Op] = [
        "-gt": .greater, "-ge": .greaterOrEqual, "-lt": .less, "-le": .lessOrEqual
    ]

    static func find(in command: RunbookCommand, into merger: inout MetricMerger) {
        // A check compares with -gt, -ge, -lt or -le: other scripts are not split into lines.
        guard command.language == "bash", command.code.contains("if "),
            ["-gt", "-ge", "-lt", "-le"].contains(where: { command.code.has($0) })
        else { return }
        let lines = command.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            guard let open = line.range(of: "[ "), line.contains(" ]") else { continue }
            let tokens = line[open.upperBound...].split(separator: " ").map {
                $0.trimmingLeading("\";[]").trimmingTrailing("\";[]")
            }
            guard tokens.count >= 3, let op = operators[tokens[1]], tokens[0].hasPrefix("$"),
                let value = Double(tokens[2])
            else { continue }
            let variable = tokens[0].trimmingLeading("${}").trimmingTrailing("${}")
            // The message printed when the check fires tells the level and the unit.
            let body = lines[(index + 1)...].prefix(3).joined(separator: " ").lowercased()
            let unit =
                body.contains("{\(variable.lowercased())}%") || body.contains("$\(variable.lowercased())%")
                ? "%" : (body.contains("days") ? "d" : nil)
            let name = variable.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
                .joined(separator: " ")
            let threshold = Threshold(op: op, value: value, unit: unit, text: line.trimmed, line: command.line + index)
            if body.contains("warn") || body.contains("⚠") || body.contains("expires") {
                merger.add(name: name, warning: threshold, line: command.line + index)
            } else {
                merger.add(name: name, critical: threshold, line: command.line + index)
            }
        }
    }
}
