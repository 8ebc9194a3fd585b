import Foundation
import Testing
@testable import AlertIntake

@Suite("alerts: in warroom.yaml")
struct AlertsConfigTests {
    let folder = URL(fileURLWithPath: "/etc/warroom")

    @Test("runbooks, severity, listen and bearer auth")
    func full() {
        let yaml = """
            alerts:
              listen: 127.0.0.1:9999
              runbooks: runbooks
              severity: {critical: SEV1, warning: SEV3}
              auth: {bearer: s3cret}
            """
        let config = AlertsConfig.parse(yaml, file: "w.yaml", folder: folder, environment: [:])
        #expect(config.errors.isEmpty)
        #expect(config.listen == "127.0.0.1:9999")
        #expect(config.runbooks == "/etc/warroom/runbooks")
        #expect(config.severity == ["critical": "SEV1", "warning": "SEV3"])
        #expect(config.auth == .bearer("s3cret"))
    }

    @Test("a basic-auth password from the environment; a missing variable is an error")
    func basic() {
        let yaml = "alerts:\n  auth: {basic: {user: am, password_env: AM_PASSWORD}}\n"
        let set = AlertsConfig.parse(yaml, file: "w.yaml", folder: folder, environment: ["AM_PASSWORD": "pw"])
        #expect(set.auth == .basic(user: "am", password: "pw"))
        let unset = AlertsConfig.parse(yaml, file: "w.yaml", folder: folder, environment: [:])
        #expect(unset.errors == ["w.yaml: alerts: auth: password_env: the environment variable AM_PASSWORD is not set"])
    }

    @Test("unknown keys are errors; no alerts: section is an empty config")
    func unknown() {
        let config = AlertsConfig.parse("alerts:\n  runbok: x\n", file: "w.yaml", folder: folder, environment: [:])
        #expect(config.errors.first?.contains("unknown key \"runbok\"") == true)
        #expect(AlertsConfig.parse("theme: dark\n", file: "w.yaml", folder: folder, environment: [:]) == AlertsConfig())
    }

    @Test("credentials are checked exactly")
    func allows() {
        let bearer = ReceiverAuth.bearer("tok")
        #expect(bearer.allows("Bearer tok"))
        #expect(
            !bearer.allows("Bearer tok2") && !bearer.allows("Bearer to") && !bearer.allows(nil) && !bearer.allows("tok")
        )
        let basic = ReceiverAuth.basic(user: "am", password: "pw")
        #expect(basic.allows("Basic " + Data("am:pw".utf8).base64EncodedString()))
        #expect(!basic.allows("Basic " + Data("am:px".utf8).base64EncodedString()))
        #expect(!basic.allows("Bearer pw"))
        #expect(ReceiverAuth.none.allows(nil))
    }
}
