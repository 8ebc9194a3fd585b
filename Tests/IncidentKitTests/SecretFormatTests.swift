import Testing
@testable import IncidentKit

/// #11: the secret formats the issue found missed, and the harmless texts it found redacted.
@Suite("Secret formats")
struct SecretFormatTests {
    let redactor = Redactor()

    @Test(arguments: [
        ("mysql -uroot -phunter2 orders", "mysql -uroot -p[REDACTED] orders"),
        ("mysql -u root -p hunter2 -e 'select 1'", "mysql -u root -p [REDACTED] -e 'select 1'"),
        ("redis-cli -h cache -a s3cretpass PING", "redis-cli -h cache -a [REDACTED] PING"),
        ("curl -u deploy:Tr0ub4dor https://ci/api", "curl -u deploy:[REDACTED] https://ci/api"),
        (
            "echo x | docker login -u bot -p dckr_pat_abc registry.io",
            "echo x | docker login -u bot -p [REDACTED] registry.io"
        ),
        ("sshpass -p 'hunter 2' ssh db1", "sshpass -p [REDACTED] ssh db1"),
        ("redis-cli -u redis://:s3cr3t@cache:6379", "redis-cli -u redis://:[REDACTED]@cache:6379"),
        (
            "curl -X POST https://hooks.slack.com/services/T000/B000/XXXXabcd1234",
            "curl -X POST https://hooks.slack.com/services/[REDACTED]"
        ),
        (
            "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
            "//registry.npmjs.org/:_authToken=[REDACTED]"
        ),
        ("curl -H 'Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l'", "curl -H 'Authorization: Basic [REDACTED]'"),
        ("-H \"Authorization: Basic dXNlcjpwYXNz\"", "-H \"Authorization: Basic [REDACTED]\""),
        ("Authorization: Bearer abc", "Authorization: Bearer [REDACTED]"),
        (
            "curl -H \"Authorization: OAuth 3f8e2c1a-7b4d-4e9f-a1c2-9d0e\" https://api",
            "curl -H \"Authorization: OAuth [REDACTED]\" https://api"
        ),
        ("Authorization: SSWS 00aBcD1234efGh", "Authorization: SSWS [REDACTED]"),
        ("Authorization: s3cr3tvalue", "Authorization: [REDACTED]"),
        ("X-Auth: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig", "X-Auth: [REDACTED]"),
        ("X-Custom: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig", "X-Custom: [REDACTED]"),
        ("curl -H 'Cookie: session=abc123; csrftoken=xyz'", "curl -H 'Cookie: [REDACTED]'"),
        (
            "curl -d \"{\\\"password\\\":\\\"hunter2\\\",\\\"user\\\":\\\"bob\\\"}\"",
            "curl -d \"{\\\"password\\\":\\\"[REDACTED]\\\",\\\"user\\\":\\\"bob\\\"}\""
        )
    ])
    func redacts(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test(arguments: [
        "pass=128", "token_count=15000", "api_key_rotation_days=90", "keys=3", "mysql -p",
        "Authorization is required", "the cookie jar", "curl -u deploy https://ci"
    ])
    func keeps(input: String) {
        #expect(redactor.redact(input) == input)
    }
}
