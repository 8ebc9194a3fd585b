/// Where placeholder values come from besides the user, and which of them are secrets.
enum PlaceholderValues {
    /// Environment names that can hold a placeholder's value: the name itself, then for
    /// `<pod-name>` / `<db.host>` style names the upper-snake form (`POD_NAME`, `DB_HOST`).
    static func environmentNames(for name: String) -> [String] {
        var snake = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            snake.append(scalar == "-" || scalar == "." || scalar == ":" ? "_" : scalar)
        }
        let upper = String(snake).uppercased()
        return upper == name ? [name] : [name, upper]
    }

    static func fromEnvironment(_ name: String, _ environment: [String: String]) -> String? {
        for key in environmentNames(for: name) { if let v = environment[key] { return v } }
        return nil
    }

    /// Word parts that mark a secret on their own (`DB_PASSWORD`, `api-key`, `ROUTING_KEY`).
    static let secretParts: Set<String> = [
        "TOKEN", "TOKENS", "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PASSPHRASE", "SECRET",
        "SECRETS", "KEY", "KEYS", "APIKEY", "CREDENTIAL", "CREDENTIALS", "CREDS", "BEARER",
        "COOKIE", "OTP", "DSN"
    ]
    /// Endings that mark a secret inside one part (`APITOKEN`, `DBPASSWORD`, `CLIENTSECRET`); `KEY`
    /// is not one of them, or `MONKEY` would be.
    static let secretEndings = ["TOKEN", "PASSWORD", "PASSWD", "SECRET", "APIKEY", "CREDENTIAL", "CREDENTIALS"]

    /// Splits on `_`, `-`, `.`, `:`, spaces and lower→upper case changes (`apiKey` → API, KEY).
    static func parts(_ name: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previousLower = false
        for ch in name {
            if ch == "_" || ch == "-" || ch == "." || ch == ":" || ch == " " {
                if !current.isEmpty { out.append(current.uppercased()) }
                current = ""; previousLower = false; continue
            }
            if ch.isUppercase && previousLower && !current.isEmpty { out.append(current.uppercased()); current = "" }
            current.append(ch)
            previousLower = ch.isLowercase
        }
        if !current.isEmpty { out.append(current.uppercased()) }
        return out
    }

    static func isSecret(_ name: String) -> Bool {
        parts(name).contains { part in secretParts.contains(part) || secretEndings.contains { part.hasSuffix($0) } }
    }
}
