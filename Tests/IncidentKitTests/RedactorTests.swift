import Testing
@testable import IncidentKit
import RunbookKit

@Suite("Redactor")
struct RedactorTests {
    let redactor = Redactor()

    /// The built-in expressions are compiled on first use: each must compile (a mistake would
    /// otherwise show only when some text first reaches it).
    @Test func everyBuiltInPatternCompiles() {
        for pattern in RedactionPatterns.all() {
            #expect(pattern.regex.pattern.isEmpty == false, "\(pattern.name)")
        }
    }

    // Real-looking samples: only the secret goes.
    @Test(arguments: [
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "export AWS_ACCESS_KEY_ID=[REDACTED]"),
        ("key AKIAIOSFODNN7EXAMPLE in log", "key [REDACTED] in log"),
        (
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = [REDACTED]"
        ),
        (
            "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123' https://api",
            "curl -H 'Authorization: Bearer [REDACTED]' https://api"
        ),
        ("Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Authorization: Basic [REDACTED]"),
        (
            "psql postgres://app:s3cr3t-Pa55@db.internal:5432/orders",
            "psql postgres://app:[REDACTED]@db.internal:5432/orders"
        ),
        ("ALTER USER app WITH PASSWORD 'Tr0ub4dor&3';", "ALTER USER app WITH PASSWORD '[REDACTED]';"),
        ("CREATE USER bob IDENTIFIED BY 'hunter2'", "CREATE USER bob IDENTIFIED BY '[REDACTED]'"),
        ("mysql --user=root --password=hunter2 -e 'select 1'", "mysql --user=root --password=[REDACTED] -e 'select 1'"),
        ("vault login --token s.AbCdEf123456", "vault login --token [REDACTED]"),
        ("DB_PASSWORD=hunter2 ./migrate", "DB_PASSWORD=[REDACTED] ./migrate"),
        ("GITHUB_TOKEN=\"ghx-not-a-prefix-but-a-token\"", "GITHUB_TOKEN=\"[REDACTED]\""),
        ("api_key='abc123def456'", "api_key='[REDACTED]'"),
        ("{\"password\": \"hunter2\", \"user\": \"bob\"}", "{\"password\": \"[REDACTED]\", \"user\": \"bob\"}"),
        ("token ghp_1234567890abcdefghijABCDEFGHIJ123456 leaked", "token [REDACTED] leaked"),
        ("slack xoxb-123456789012-abcdefghijkl", "slack [REDACTED]"),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe [REDACTED]"),
        ("OPENAI sk-proj-abcdefghijklmnopqrstuvwx", "OPENAI [REDACTED]"),
        ("google AIzaSyA1234567890abcdefghijklmnopqrstuv", "google [REDACTED]"),
        ("gitlab glpat-xxxxxxxxxxxxxxxxxxxx1", "gitlab [REDACTED]"),
        (
            "data:\n  password: aHVudGVyMg==\n  username: YWRtaW4=",
            "data:\n  password: [REDACTED]\n  username: YWRtaW4="
        ),
        ("- api_key: 0123456789abcdef", "- api_key: [REDACTED]")
    ])
    func redactsSecret(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test func privateKeyBlockKeepsItsFrame() {
        let key = """
            before
            -----BEGIN RSA PRIVATE KEY-----
            MIIEowIBAAKCAQEA7bq9mQ0Xr2JcVJ7y8m7r0Q2zq3
            kq9z0f8Q==
            -----END RSA PRIVATE KEY-----
            after
            """
        #expect(
            redactor.redact(key)
                == "before\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n-----END RSA PRIVATE KEY-----\nafter")
        let openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----"
        #expect(
            redactor.redact(openssh)
                == "-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED]\n-----END OPENSSH PRIVATE KEY-----")
    }

    // Near misses: text that mentions secrets stays whole.
    @Test(arguments: [
        "Rotate the database password after the incident",
        "The password is stored in Vault under secret/db",
        "Bearer tokens expire after an hour",
        "Basic troubleshooting: restart the pod",
        "https://example.com:8443/health",
        "postgres://app@db.internal/orders",
        "PASSWORD is required",
        "use --password-file /etc/app/pw to pass it",
        "DB_PASSWORD=$DB_PASSWORD ./migrate",
        "export API_TOKEN=${API_TOKEN}",
        "KEYBOARD=us layout",
        "monkey=banana",
        "AKIA is the prefix of AWS key ids",
        "sk-short",
        "the key: value pairs are logged",
        "Password: reset it in the portal",
        "token: $CI_TOKEN",
        "keys: 3",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"
    ])
    func leavesNearMiss(input: String) {
        #expect(redactor.redact(input) == input)
    }

    @Test func configuredPatternRedactsGroupOrWholeMatch() throws {
        let custom = try Redactor(extra: [#"employee-\d{6}"#, #"pin (\d{4})"#])
        #expect(custom.redact("badge employee-123456 pin 4321") == "badge [REDACTED] pin [REDACTED]")
        #expect(throws: (any Error).self) { try Redactor(extra: ["(unclosed"]) }
    }

    @Test func redactsStringsInsideJSONValues() {
        let value: [String: Any] = ["tail": ["ok", "password=abc123"], "n": 3]
        let clean = redactor.redactJSON(value) as! [String: Any]
        #expect(clean["tail"] as! [String] == ["ok", "password=[REDACTED]"])
        #expect(clean["n"] as! Int == 3)
    }

    /// A trigger word alone, as common commands hold one (`--tail`, `https://`, `date -u`), runs no
    /// expression: the pattern's other required words are missing. With them, it still does.
    @Test(arguments: [
        ("kubectl logs deployment/api --tail=200", false), ("kubectl get pods --token=abc123", true),
        ("curl -fsS https://payments.example.net/healthz", false), ("psql postgres://app:pw@db/app", true),
        ("date -u +%T", false), ("curl -u admin:hunter2 https://x", true),
        ("redis-cli -h $REDIS_HOST LLEN payments:retry", false), ("redis-cli -a hunter2 ping", true),
        ("mysql -h db -e 'select 1'", false), ("mysql -h db -phunter2", true),
        ("docker login registry.example.com", false), ("docker login -p hunter2 registry", true),
        ("linux-headers for the key rotation", false), ("X-Api-Key: abc123", true),
        ("the API key is in the vault", false), ("API_KEY=abc123", true)
    ])
    func aTriggerAloneRunsNoExpression(text: String, mayHold: Bool) {
        #expect(redactor.mightContainSecret(text) == mayHold, "\(text)")
        if mayHold { #expect(redactor.redact(text).contains(Redactor.marker), "\(text)") }
    }

    @Test func isIdempotent() {
        let once = redactor.redact("DB_PASSWORD=hunter2 token ghp_1234567890abcdefghijABCDEFGHIJ123456")
        #expect(redactor.redact(once) == once)
    }
}

/// Secrets written into a runbook: `warroom check` names their lines; stand-ins are not secrets.
struct RunbookSecretsTests {
    @Test func secretsInCommandsAreFoundAndStandInsAreNot() {
        let runbook = RunbookReader.parse(
            text: """
                # API

                ## Check

                ```bash
                curl -s -H 'Authorization: Bearer sk_live_51HxQ2aBcDeFgHiJkLmNoPq' https://api.example.com/v2
                curl -s -H "Authorization: OAuth ${STATUSPAGE_TOKEN}" https://api.statuspage.io
                psql "postgresql://orders_app:Sup3rS3cret!@pg-orders:5432/orders"
                ```

                ```sql
                ALTER USER forms WITH PASSWORD 'new_password';
                ```

                ```python
                token = AccessToken('eyJ...')
                ```
                """, source: "api.md")
        let findings = RunbookSecrets.findings(runbook)
        #expect(findings.map(\.line) == [6, 8])
        #expect(findings.allSatisfy { $0.kind == .secret && !$0.message.contains("sk_live") })
        #expect(!findings.contains { $0.message.contains("Sup3rS3cret") })
        #expect(RunbookSecrets.shown(runbook.commands[0].code).contains("Bearer [REDACTED]"))
    }

    /// Given the file's text, a secret quoted in prose or a table is found too, on its line.
    @Test func secretsInProseAreFoundFromTheFileText() {
        let text = """
            # Leak

            The token from the last leak looked like `ghp_R4nd0mT0k3nV4lu3Th4tW4sL34k3d00001`; revoke it.

            | Service | Key |
            |---|---|
            | billing | `AKIAIOSFODNN7EXAMPLE` |

            Keys look like `AKIA...` (a stand-in, not a key).

            ```bash
            curl -H 'Authorization: Bearer sk_live_51HxQ2aBcDeFgHiJkLmNoPq' https://api.example.com
            ```
            """
        let runbook = RunbookReader.parse(text: text, source: "leak.md")
        #expect(RunbookSecrets.findings(runbook).map(\.line) == [12], "the model holds only the command")
        let findings = RunbookSecrets.findings(runbook, text: text)
        #expect(findings.map(\.line) == [3, 7, 12], "the file's lines hold the command's too")
        #expect(!findings.contains { $0.message.contains("ghp_R4nd0m") || $0.message.contains("AKIAIOSFODNN7") })
    }
}
