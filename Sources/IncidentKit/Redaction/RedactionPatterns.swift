import Foundation

/// The built-in secret patterns, one line of intent each. Tests in RedactorTests show a real-looking
/// sample and a near miss for every entry.
enum RedactionPatterns {
    /// Words that make an assignment's name about a secret (`DB_PASSWORD`, `api-key`, `GITHUB_TOKEN`).
    static let secretNameWords: Set<String> = [
        "password", "passwd", "pwd", "pass", "secret", "token", "key", "apikey", "credential", "credentials"
    ]

    /// Last words of a name that make it a setting about a secret rather than the secret.
    static let settingWords: Set<String> = [
        "count", "counts", "limit", "limits", "ttl", "days", "hours", "minutes", "seconds", "length", "len", "size",
        "max",
        "min", "rotation", "timeout", "expiry", "expires", "type", "name", "file", "path", "url", "id", "policy",
        "enabled",
        "version", "header", "field", "env", "var"
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
            try! RedactionPattern(
                name: "AWS access key id", #"\b((?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16})\b"#,
                triggers: ["akia", "asia", "agpa", "aida", "aroa"],
                secretGroups: [1]),
            // Well-known API key prefixes: GitHub, GitLab, Slack, Stripe, OpenAI/Anthropic, Google.
            try! RedactionPattern(
                name: "API key prefix",
                #"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_\-]{20,}|"#
                    + #"xox[abposr]-[A-Za-z0-9\-]{10,}|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|sk-(?:ant-|"#
                    + #"proj-)?[A-Za-z0-9_\-]{20,}|AIza[0-9A-Za-z_\-]{35})"#,
                triggers: [
                    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "_live_", "_test_", "sk-",
                    "aiza"
                ],
                secretGroups: [1]),
            // Authorization headers and bare bearer tokens. A token must look like one (long, or with digits),
            // so "Bearer tokens expire" stays.
            try! RedactionPattern(
                name: "bearer token",
                #"\b(?:Bearer|Token)\s+((?=[A-Za-z0-9\-._~+/]*[0-9])[A-Za-z0-9\-._~+/]{6,}=*|"#
                    + #"[A-Za-z0-9\-._~+/]{24,}=*)"#,
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
                #"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]*:([^\s@/]+)@"#, triggers: ["://"], alsoNeeds: [["@"]],
                secretGroups: [1]),
            // SQL: PASSWORD 'x', IDENTIFIED BY 'x'
            try! RedactionPattern(
                name: "SQL password",
                #"\b(?:PASSWORD|IDENTIFIED\s+BY)\s+'([^']*)'"#, options: [.caseInsensitive],
                triggers: ["password", "identified"],
                secretGroups: [1]),
            // --password=x, --password x, --token=x, -p'x' is too ambiguous and left alone.
            try! RedactionPattern(
                name: "password option",
                #"(?<![\w-])--(?:[a-z]+-)*(?:password|passwd|pass|token|secret|api-key|apikey|access-key|"#
                    + #"secret-key)(?:=|\s+(?!-))(?:"([^"]*)"|'([^']*)'|([^\s"']+))"#,
                options: [.caseInsensitive], triggers: ["--"], alsoNeeds: [["pass", "token", "secret", "key"]],
                secretGroups: [1, 2, 3]),
            // NAME=value where NAME is about a secret (DB_PASSWORD=…, api_key: "…" in JSON/YAML with quotes).
            try! RedactionPattern(
                name: "secret assignment",
                #"(?<![\w-])([A-Za-z][A-Za-z0-9_\-]*)"?\s*(?:=|:(?=\s*["']))\s*(?:"([^"]*)"|'([^']*)'|([^\s"'&;,]+))"#,
                triggers: ["pass", "pwd", "secret", "token", "key", "credential"], alsoNeeds: [["=", ":"]],
                secretGroups: [2, 3, 4], accept: isSecretAssignment),
            // HTTP headers that carry credentials whatever the token looks like: `Authorization: Basic
            // YWxhZGRpbg==`, `Authorization: Bearer abc`, `Cookie: session=…`, `X-Api-Key: …`. Any
            // scheme word before the credential (`OAuth`, `SSWS`, `AWS4-HMAC-SHA256`) is passed over:
            // with a fixed list, `Authorization: OAuth 3f8e…` masked the word and kept the token.
            try! RedactionPattern(
                name: "credential header",
                #"(?i)\b(?:authorization|proxy-authorization)\s*:\s*(?:[a-z][a-z0-9_-]*\s+)?([^\s"',]+)"#,
                triggers: ["authorization"], secretGroups: [1]),
            try! RedactionPattern(
                name: "cookie header",
                #"(?i)\b(?:set-)?cookie\s*:\s*([^\n"']+?)\s*(?=["']|$)"#, options: [.anchorsMatchLines],
                triggers: ["cookie"], secretGroups: [1]),
            try! RedactionPattern(
                name: "key header",
                #"(?i)\bx-(?:[a-z]+-)*(?:api-key|token|auth|secret|key)\s*:\s*([^\s"',]+)"#,
                triggers: ["x-"], alsoNeeds: [["key", "token", "auth", "secret"], [":"]], secretGroups: [1]),
            // JSON Web Tokens anywhere (a custom header, a log line): header.payload.signature.
            try! RedactionPattern(
                name: "JWT", #"\b(eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*)"#,
                triggers: ["eyj"], secretGroups: [1]),
            // Command lines that take a password in a short option: `mysql -pX`, `mysql -p X`,
            // `redis-cli -a X`, `sshpass -p X`, `docker login -p X`, `curl -u user:pass`.
            try! RedactionPattern(
                name: "password short option",
                #"\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n|;&]*?\s-p\s*([^\s'"-][^\s'"]*|'[^']*'|"#
                    + #""[^"]*")"#,
                triggers: ["mysql", "mariadb"], alsoNeeds: [["-p"]], secretGroups: [1]),
            try! RedactionPattern(
                name: "redis password option",
                #"\bredis-cli\b[^\n|;&]*?\s(?:-a|--pass)\s+([^\s'"]+|'[^']*'|"[^"]*")"#,
                triggers: ["redis-cli"], alsoNeeds: [["-a", "--pass"]], secretGroups: [1]),
            try! RedactionPattern(
                name: "sshpass or docker login password",
                #"\b(?:sshpass|docker\s+login|podman\s+login|helm\s+registry\s+login)\b[^\n|"#
                    + #";&]*?\s-p\s*([^\s'"-][^\s'"]*|'[^']*'|"[^"]*")"#,
                triggers: ["sshpass", "login"], alsoNeeds: [["-p"]], secretGroups: [1]),
            try! RedactionPattern(
                name: "curl user password",
                #"(?:^|\s)(?:-u|--user|--proxy-user)\s*['"]?[^\s:'"/]*:([^\s'"/][^\s'"]*)"#,
                triggers: ["-u", "--user", "--proxy-user"], alsoNeeds: [[":"]], secretGroups: [1]),
            // Slack incoming webhooks: the path after /services/ is the credential.
            try! RedactionPattern(
                name: "Slack webhook", #"hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9/_\-]+)"#,
                triggers: ["hooks.slack.com"], secretGroups: [1]),
            // .npmrc: `//registry.npmjs.org/:_authToken=npm_…`, `_auth=…`, `_password=…`.
            try! RedactionPattern(
                name: "npm auth", #"(?i)\b_(?:authToken|auth|password)\s*=\s*("[^"]*"|\S+)"#,
                triggers: ["_auth", "_password"], secretGroups: [1]),
            try! RedactionPattern(
                name: "npm token", #"\b(npm_[A-Za-z0-9]{36})\b"#, triggers: ["npm_"], secretGroups: [1]),
            // JSON inside a shell string: `{\"password\":\"hunter2\"}`.
            try! RedactionPattern(
                name: "escaped JSON secret",
                #"\\"([A-Za-z][A-Za-z0-9_\-]*)\\"\s*:\s*\\"((?:[^"\\]|\\[^"])*)\\""#,
                triggers: ["pass", "pwd", "secret", "token", "key", "credential"], alsoNeeds: [[#"\""#]],
                secretGroups: [2], accept: isSecretAssignment),
            // YAML / config lines whose whole value is one token: `  password: aHVudGVyMg==`.
            // "Password: reset it in the portal" has several words and stays.
            try! RedactionPattern(
                name: "secret line",
                #"(?m)^[ \t]*(?:-[ \t]+)?"?([A-Za-z][A-Za-z0-9_\-]*)"?[ \t]*:[ \t]+([^\s"'\[]+)[ \t]*$"#,
                triggers: ["pass", "pwd", "secret", "token", "key", "credential"], alsoNeeds: [[":"]],
                secretGroups: [2], accept: isSecretAssignment)
        ]
        // swiftlint:enable force_try
    }

    /// The name is about a secret and the value is a literal, not `$VAR` / `${VAR}` / empty.
    @Sendable static func isSecretAssignment(_ groups: [String?]) -> Bool {
        guard let name = groups[1] else { return false }
        let words = name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        let joined = name.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        let named =
            words.contains(where: secretNameWords.contains)
            || ["password", "passwd", "secret", "token", "apikey", "accesskey"].contains(where: joined.hasSuffix)
        guard named else { return false }
        // A setting about a secret, not the secret: `token_count=15000`, `api_key_rotation_days=90`.
        if words.count > 1, let last = words.last, settingWords.contains(last) { return false }
        let value = groups.dropFirst(2).compactMap { $0 }.first ?? ""
        // `pass=128`, `keys=3`: an ambiguous short name with a small number counts something.
        if words.allSatisfy({ ["pass", "key", "keys", "token", "tokens"].contains($0) }),
            value.count <= 6, value.allSatisfy(\.isNumber)
        {
            return false
        }
        return !value.isEmpty && !value.hasPrefix("$") && value != "[REDACTED]"
    }
}
