/// What a pipeline does with the text one of its stages writes: `echo "<msg>" | sh`,
/// `cat <<EOF | kubectl exec -i pod -- sh`, `echo "DELETE … <id>" | psql`. A later stage that
/// reads its standard input as a program (a shell or an interpreter, also in a container or over
/// ssh) makes every value written before it code; one that reads it as SQL makes it SQL.
enum PipedCode {
    enum Reader: Equatable {
        case program(String)
        case sql(String)
    }

    static let interpreters: Set<String> = [
        "python", "python3", "python2", "node", "perl", "ruby", "php", "lua", "Rscript", "pwsh", "powershell", "at",
        "batch", "crontab"
    ]

    /// The reader of what the stage holding byte `offset` of `line` writes; nil when no later
    /// stage runs it.
    static func reader(line: [UInt8], offset: Int) -> Reader? {
        let stages = split(line)
        guard let index = stages.firstIndex(where: { $0.contains(offset) }) else { return nil }
        for stage in stages.dropFirst(index + 1) {
            let text = String(decoding: line[stage], as: UTF8.self)
            if text == ";" || text == "&" { return nil } // the next list item reads nothing of this one
            guard let command = ShellParser.parse(text).first else { continue }
            if let reader = reader(of: command.words) { return reader }
        }
        return nil
    }

    /// How a command reads its standard input: as a program, as SQL, or as data (nil).
    static func reader(of words: [String]) -> Reader? {
        var rest = words[...]
        // Past wrappers and their options (`sudo -u x`, `timeout 5`).
        while let first = rest.first, NestedShell.wrappers.contains(NestedShell.baseName(first)) {
            let name = NestedShell.baseName(first)
            rest = rest.dropFirst()
            while let w = rest.first, w.hasPrefix("-") || ShellParser.isAssignment(w) {
                rest = rest.dropFirst(NestedShell.wrapperValueFlags[name]?.contains(w) == true ? 2 : 1)
            }
            if name == "timeout" { rest = rest.dropFirst() }
        }
        guard let first = rest.first else { return nil }
        let program = NestedShell.baseName(first)
        let args = Array(rest.dropFirst())
        let positionals = args.filter { !$0.hasPrefix("-") }
        if NestedShell.shells.contains(program) || interpreters.contains(program) {
            // `sh -s`, bare `bash`, `python3 -`: the input is the script; `sh script.sh` reads a file.
            return positionals.isEmpty || positionals == ["-"] ? .program(program) : nil
        }
        if ShellRisk.sqlClients.contains(program) {
            let given = args.contains { arg in
                ["-c", "--command", "-e", "--execute", "-f", "--file", "-q", "--query"].contains(arg)
                    || arg.hasPrefix("--command=") || arg.hasPrefix("--file=")
            }
            return given ? nil : .sql(program)
        }
        if program == "ssh" || program == "autossh" {
            let remote = ShellInvocations.skipFlags(args, valueFlags: NestedShell.sshValueFlags).dropFirst()
            return remote.isEmpty ? .program("ssh") : reader(of: Array(remote))
        }
        // A command run in a container or a pod, fed this input: judged as that command.
        if ["kubectl", "oc", "docker", "podman", "nerdctl"].contains(program),
            args.contains(where: { ["exec", "run", "debug", "attach"].contains($0) })
        {
            if let dash = args.firstIndex(of: "--") { return reader(of: Array(args[(dash + 1)...])) }
            if let shell = args.first(where: {
                NestedShell.shells.contains(NestedShell.baseName($0)) || interpreters.contains(NestedShell.baseName($0))
            }) {
                return .program("\(program) … \(NestedShell.baseName(shell))")
            }
        }
        return nil
    }

    /// The byte ranges of a line's pipeline stages: cut at each `|` outside quotes (not `||`).
    static func split(_ line: [UInt8]) -> [Range<Int>] {
        var stages: [Range<Int>] = []
        var start = 0
        var quote: UInt8? = nil
        var i = 0
        while i < line.count {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil } else if c == UInt8(ascii: "\\"), q == UInt8(ascii: "\"") { i += 1 }
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                quote = c
            } else if c == UInt8(ascii: "\\") {
                i += 1
            } else if c == UInt8(ascii: "|") {
                if i + 1 < line.count, line[i + 1] == UInt8(ascii: "|") {
                    i += 2
                    continue
                }
                if i > 0, line[i - 1] == UInt8(ascii: "|") || line[i - 1] == UInt8(ascii: ">") {
                    i += 1
                    continue
                }
                stages.append(start..<i)
                start = i + 1
            } else if c == UInt8(ascii: ";")
                || (c == UInt8(ascii: "&")
                    && !(i > 0 && (line[i - 1] == UInt8(ascii: ">") || line[i - 1] == UInt8(ascii: "<")))
                    && !(i + 1 < line.count && line[i + 1] == UInt8(ascii: ">")))
            {
                // A new list item: earlier stages feed nothing past it.
                stages.append(start..<i)
                stages.append(i..<(i + 1))
                start = i + 1
            }
            i += 1
        }
        stages.append(start..<max(start, line.count))
        return stages
    }
}
