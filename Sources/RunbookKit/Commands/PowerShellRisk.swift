/// Risk of a PowerShell cmdlet (`Get-Service`, `Restart-Service -Force`, `Remove-Item -Recurse`):
/// judged by its verb, PowerShell's own naming rule, and for a few verbs by its noun. Without it
/// `Get-Service` was taken for a site wrapper of `service` and labelled a change.
enum PowerShellRisk {
    /// Verbs that only look: get, test, measure, find …
    static let readVerbs: Set<String> = [
        "get", "test", "measure", "select", "find", "search", "resolve", "show", "read", "compare", "trace",
        "watch", "wait", "where", "sort", "group", "convertto", "convertfrom", "format", "out"
    ]
    /// Verbs that take something away: remove, clear, uninstall, unregister.
    static let destructiveVerbs: Set<String> = ["remove", "clear", "uninstall", "unregister", "dismount"]
    /// Verbs that change state (the rest of PowerShell's approved verbs an operator meets).
    static let changeVerbs: Set<String> = [
        "set", "start", "stop", "restart", "new", "add", "enable", "disable", "invoke", "update", "install",
        "move", "rename", "copy", "import", "export", "register", "suspend", "resume", "reset", "mount", "publish",
        "push", "send", "write", "grant", "revoke", "block", "unblock", "protect", "unprotect", "sync", "backup",
        "restore", "save", "initialize", "repair", "optimize", "request", "approve", "deny", "lock", "unlock",
        "connect", "disconnect", "enter", "exit", "use", "edit", "expand", "compress", "join", "split", "checkpoint"
    ]
    /// Nouns that make a verb destructive: the machine itself, disks and volumes.
    static let destructiveNouns: [String: Set<String>] = [
        "stop": ["computer"], "format": ["volume", "disk", "partition"],
        "initialize": ["disk"]
    ]

    /// `Restart-WebAppPool`, `Get-WinEvent`: a capitalised known verb, a dash, a capitalised noun.
    static func isCmdlet(_ word: String) -> Bool {
        let parts = word.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].first?.isUppercase == true, parts[1].first?.isUppercase == true,
            parts[1].allSatisfy({ $0.isLetter || $0.isNumber })
        else { return false }
        let verb = parts[0].lowercased()
        return readVerbs.contains(verb) || destructiveVerbs.contains(verb) || changeVerbs.contains(verb)
    }

    /// The verdict for a cmdlet, or nil when `program` (lower-cased) is not `verb-noun` with a known verb.
    static func verdict(_ inv: ShellInvocation) -> RiskVerdict? {
        let parts = inv.program.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let noun = parts.last, !noun.isEmpty, noun.allSatisfy({ $0.isLetter || $0.isNumber })
        else { return nil }
        let verb = String(parts[0])
        let name = inv.program
        if inv.lowerArgs.contains("-whatif") {
            return RiskVerdict(risk: .read, reason: "read: \(name) -WhatIf only tells what it would do")
        }
        if destructiveVerbs.contains(verb) {
            return RiskVerdict(risk: .destructive, reason: "destructive: \(name) removes or wipes", word: name)
        }
        if destructiveNouns[verb]?.contains(String(noun)) == true {
            return RiskVerdict(
                risk: .destructive, reason: "destructive: \(name) shuts down the machine or wipes a disk", word: name)
        }
        if readVerbs.contains(verb) {
            // `Out-File` and `Export-*` write files; `Format-Volume` is above.
            if verb == "out", noun != "host", noun != "string", noun != "null", noun != "gridview" {
                return RiskVerdict(risk: .change, reason: "change: \(name) writes its input somewhere")
            }
            return RiskVerdict(risk: .read, reason: "read: \(name) only reads (its verb is \(verb))")
        }
        if changeVerbs.contains(verb) {
            return RiskVerdict(risk: .change, reason: "change: \(name) changes state (its verb is \(verb))", word: name)
        }
        return nil
    }
}
