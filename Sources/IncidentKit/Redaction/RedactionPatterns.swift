import Foundation

/// The built-in secret patterns, one line of intent each. Tests in RedactorTests show a real-looking
/// sample and a near miss for every entry.
enum RedactionPatterns {
    /// Words that make an assignment's name about a secret (`DB_PASSWORD`, `api-key`, `GITHUB_TOKEN`).
    static let secretNameWords: Set<String> = [
        "password", "passwd", "pwd", "pass", "secret", "token", "key", "apikey", "credential", "credentials",
    ]

    static func all() -> [RedactionPattern] {
        // Force-try: these are literals checked by the tests.
        // swiftlint:disable force_try
        return [
            // -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY-----: the body goes.
            try! RedactionPattern(
                name: "private key block",
                #"-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK|)-----\s*([\s\S]*?)\s*-----END \1PRIVATE KEY\2-----"#,
                triggers: ["private key"],
                secretGroups: [3]),
            // AWS access key ids.
            try! RedactionPattern(name: "AWS access key id", #"\b((?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16})\b"#,
                                  triggers: ["akia", "asia", "agpa", "aida", "aroa"],
                secretGroups: [1]),
            // Well-known API key prefixes: GitHub, GitLab, Slack, Stripe, OpenAI/Anthropic, Google.
            try! RedactionPattern(
                name: "API key prefix",
                #"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_\-]{20,}|xox[abposr]-[A-Za-z0-9\-]{10,}|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|sk-(?:ant-|proj-)?[A-Za-z0-9_\-]{20,}|AIza[0-9A-Za-z_\-]{35})"#,
                triggers: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "_live_", "_test_", "sk-", "aiza"],
                secretGroups: [1]),
            // Authorization headers and bare bearer tokens. A token must look like one (long, or with digits),
            // so "Bearer tokens expire" stays.
            try! RedactionPattern(
                name: "bearer token",
                #"\b(?:Bearer|Token)\s+((?=[A-Za-z0-9\-._~+/]*[0-9])[A-Za-z0-9\-._~+/]{12,}=*|[A-Za-z0-9\-._~+/]{24,}=*)"#,
                options: [.caseInsensitive], triggers: ["bearer", "token"],
                secretGroups: [1]),
            try! RedactionPattern(
                name: "basic credentials",
                #"\bBasic\s+((?=[A-Za-z+/]*[0-9+/=])[A-Za-z0-9+/]{8,}={0,2})"#,
                triggers: ["basic"],
                secretGroups: [1]),
            // scheme://user:password@host
            try! RedactionPattern(
                name: "password in URL",
                #"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]+:([^\s@/]+)@"#, triggers: ["://"],
                secretGroups: [1]),
            // SQL: PASSWORD 'x', IDENTIFIED BY 'x'
            try! RedactionPattern(
                name: "SQL password",
                #"\b(?:PASSWORD|IDENTIFIED\s+BY)\s+'([^']*)'"#, options: [.caseInsensitive], triggers: ["password", "identified"],
                secretGroups: [1]),
            // --password=x, --password x, --token=x, -p'x' is too ambiguous and left alone.
            try! RedactionPattern(
                name: "password option",
                #"(?<![\w-])--(?:[a-z]+-)*(?:password|passwd|pass|token|secret|api-key|apikey|access-key|secret-key)(?:=|\s+(?!-))(?:"([^"]*)"|'([^']*)'|([^\s"']+))"#,
                options: [.caseInsensitive], triggers: ["--"],
                secretGroups: [1, 2, 3]),
            // NAME=value where NAME is about a secret (DB_PASSWORD=…, api_key: "…" in JSON/YAML with quotes).
            try! RedactionPattern(
                name: "secret assignment",
                #"(?<![\w-])([A-Za-z][A-Za-z0-9_\-]*)"?\s*(?:=|:(?=\s*["']))\s*(?:"([^"]*)"|'([^']*)'|([^\s"'&;,]+))"#,
                triggers: ["pass", "pwd", "secret", "token", "key", "credential"],
                secretGroups: [2, 3, 4], accept: isSecretAssignment),
            // YAML / config lines whose whole value is one token: `  password: aHVudGVyMg==`.
            // "Password: reset it in the portal" has several words and stays.
            try! RedactionPattern(
                name: "secret line",
                #"(?m)^[ \t]*(?:-[ \t]+)?"?([A-Za-z][A-Za-z0-9_\-]*)"?[ \t]*:[ \t]+([^\s"'\[]+)[ \t]*$"#,
                triggers: ["pass", "pwd", "secret", "token", "key", "credential"],
                secretGroups: [2], accept: isSecretAssignment),
        ]
        // swiftlint:enable force_try
    }

    /// The name is about a secret and the value is a literal, not `$VAR` / `${VAR}` / empty.
    @Sendable static func isSecretAssignment(_ groups: [String?]) -> Bool {
        guard let name = groups[1] else { return false }
        let words = name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        let joined = name.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        let named = words.contains(where: secretNameWords.contains)
            || ["password", "passwd", "secret", "token", "apikey", "accesskey"].contains(where: joined.hasSuffix)
        guard named else { return false }
        let value = groups.dropFirst(2).compactMap { $0 }.first ?? ""
        return !value.isEmpty && !value.hasPrefix("$") && value != "[REDACTED]"
    }
}
