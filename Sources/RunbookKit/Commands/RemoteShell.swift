/// Commands that open a shell somewhere else: `ssh host`, `kubectl exec -it pod -- bash`,
/// `docker exec -it c sh`, `oc rsh pod`, `gcloud compute ssh vm`, `aws ssm start-session`.
/// In a pasted session the commands typed after one of them ran over there, not here.
enum RemoteShell {
    static let shells: Set<String> = ["bash", "sh", "zsh", "ash", "dash", "fish", "/bin/bash", "/bin/sh", "/bin/zsh"]
    /// ssh options that take a value (`-i key`, `-p 22`, `-J jump`).
    static let sshValueOptions: Set<Character> = [
        "b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "p", "Q", "R", "S", "W", "w", "B"
    ]

    /// Whether `code` logs in to a shell elsewhere and stays there.
    static func opensShell(_ code: String) -> Bool {
        guard let first = ShellParser.parse(code).first else { return false }
        var words = first.words
        if words.first == "sudo" { words.removeFirst() }
        guard let program = words.first else { return false }
        let rest = Array(words.dropFirst())
        switch program {
        case "ssh", "mosh", "autossh":
            return positionalCount(rest) == 1
        case "telnet", "rlogin", "vagrant":
            return program != "vagrant" || rest.first == "ssh"
        case "kubectl", "oc", "docker", "podman", "nerdctl", "crictl":
            if program == "oc" && rest.first == "rsh" { return !rest.contains("--") || endsInShell(rest) }
            guard rest.first == "exec" || rest.first == "debug" || rest.first == "run" else { return false }
            let tty = rest.contains { $0 == "-it" || $0 == "-ti" || $0 == "--tty" || $0 == "-t" }
            return tty && endsInShell(rest)
        case "gcloud":
            return rest.starts(with: ["compute", "ssh"]) && !rest.contains { $0.hasPrefix("--command") }
        case "aws":
            return rest.starts(with: ["ssm", "start-session"])
        case "az":
            return rest.starts(with: ["ssh", "vm"]) || rest.starts(with: ["ssh"])
        default:
            return false
        }
    }

    /// `… -- bash`, `… /bin/sh` or nothing after the target: an interactive shell.
    private static func endsInShell(_ words: [String]) -> Bool {
        if let dashes = words.firstIndex(of: "--") {
            let after = words[(dashes + 1)...]
            return after.count == 1 && shells.contains(after.first!)
        }
        return words.last.map { shells.contains($0) } == true
    }

    /// Words that are neither options nor option values: the host, then a remote command if any.
    private static func positionalCount(_ words: [String]) -> Int {
        var count = 0
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("-") && word.count >= 2 {
                // `-p 22` takes the next word; `-p22` and flags like `-A` do not.
                if word.count == 2, let option = word.last, sshValueOptions.contains(option) { index += 1 }
            } else {
                count += 1
            }
            index += 1
        }
        return count
    }
}
