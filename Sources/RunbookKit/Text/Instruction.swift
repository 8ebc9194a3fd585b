/// Whether a line of prose tells someone what to do ("Open the dashboard.", "Acknowledge within 5
/// minutes"): it starts with a verb of the runbook's work. An alert's name or a condition ("Pod
/// crash looping", "Disk almost full") never does.
enum Instruction {
    static let verbs: Set<String> = [
        "acknowledge", "ack", "open", "check", "look", "join", "run", "restart", "page", "post", "tell", "notify",
        "create", "follow", "read", "go", "ask", "declare", "start", "confirm", "verify", "review", "escalate",
        "update", "roll", "scale", "drain", "investigate", "identify", "find", "inspect", "watch", "wait", "call",
        "contact", "file", "write", "record", "assign", "mute", "silence", "triage", "assess", "determine",
        "consider", "use", "make", "ensure", "get", "set", "stop", "kill", "delete", "remove", "revert", "promote",
        "communicate", "mitigate", "resolve", "close", "reply", "respond", "see", "view", "search", "compare",
        "note", "disable", "enable", "add", "apply", "deploy", "pause", "resume", "drop", "flush", "purge",
        "rotate", "switch", "move", "copy", "restore", "reboot", "cordon", "uncordon", "loop", "pull", "bring",
        "hand", "let", "keep", "do", "don't", "never", "always", "try", "open", "visit", "click", "log", "ssh",
        "connect", "grab", "capture", "collect", "gather", "snapshot", "backup", "archive", "email", "e-mail",
        "message", "schedule", "book", "plan", "prepare", "draft", "send", "share", "announce", "say"
    ]

    static func reads(_ text: String) -> Bool {
        guard let first = text.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).first else {
            return false
        }
        return verbs.contains(first.lowercased())
    }
}
