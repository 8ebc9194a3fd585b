/// Classifies a checklist by the words of its title, then of its headings from the
/// innermost out (RUNBOOK-FORMATS.md §3: not every list is for an incident).
enum ChecklistKindClassifier {
    /// Checked in this order: the first kind with a keyword in the text wins.
    static let keywords: [(Checklist.Kind, [String])] = [
        (.maintenance, ["maintenance", "backup", "upgrade", "patching", "housekeeping", "daily", "weekly", "monthly"]),
        (.deployment, ["deploy", "release", "rollout", "roll-out", "launch", "go-live", "migration"]),
        (
            .security,
            [
                "security", "breach", "compromise", "leak", "credential", "gdpr", "compliance", "soc 2", "soc2",
                "audit", "forensic", "vulnerab", "secret", "key rotation", "takeover", "fraud", "phishing",
                "intrusion", "malware", "ransomware", "exfiltrat", "unauthori"
            ]
        ),
        (
            .incident,
            [
                "incident", "response", "respond", "triage", "commander", "on-call", "oncall", "outage",
                "escalat", "acknowledg", "emergency", "assessment", "war room", "sev", "mitigat", "postmortem",
                "post-mortem", "detection", "investigat", "containment", "recovery", "what to do", "first steps",
                "first step", "immediate", "right away", "when paged", "get paged", "alert fires", "first response"
            ]
        )
    ]

    /// `title` and `pathWords` lower-cased without emoji (see `Section.pathWords`).
    static func classify(title: String, pathWords: [String]) -> Checklist.Kind {
        for lower in [title] + pathWords.reversed() {
            for (kind, words) in keywords where lower.containsWord(words) {
                return kind
            }
        }
        return .other
    }
}
