import Foundation
import Testing
import WarroomTestSupport

/// `warroom check` and `warroom show --json` as other tools and people use them.
@Suite(.enabled(if: WarroomBinary.url != nil, "the warroom binary is not built"))
struct RunbookCLITests {
    static let example = WarroomBinary.packageRoot.appendingPathComponent("examples/payments-api.md").path

    @Test func checkSummarisesAndExitsZeroWithWarnings() throws {
        let (status, out, err) = try WarroomBinary.run(["check", Self.example])
        #expect(status == 0, "\(err)")
        #expect(out.contains("severity SEV1 respond within 10m"))
        #expect(out.contains("incident checklist: Incident Checklist — 12 items in 5 phases"))
        #expect(out.contains("destructive command"))
        #expect(out.contains("payments-api.md:14: warning: SEV4 response time"))
    }

    @Test func checkFailsOnUnreadableFilesNamingThem() throws {
        let missing = try WarroomBinary.run(["check", Self.example, "/nonexistent/runbook.md"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("/nonexistent/runbook.md: no such file"))
        #expect(missing.out.contains("Payments API Runbook"), "the readable file is still summarised")
        let directory = try WarroomBinary.run(["check", NSTemporaryDirectory()])
        #expect(directory.status == 1)
        #expect(directory.err.contains("is a directory"))
    }

    @Test func showJSONKeepsTheContract() throws {
        let (status, out, err) = try WarroomBinary.run(["show", Self.example, "--json"])
        #expect(status == 0, "\(err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "Payments API Runbook")
        for key in [
            "severities", "checklists", "procedures", "commands", "metrics", "escalation", "contacts",
            "templates", "warnings"
        ] {
            #expect(json[key] is [Any], "\(key) is an array")
        }
        let severity = try #require((json["severities"] as? [[String: Any]])?.first)
        #expect(severity["id"] as? String == "SEV1")
        #expect(severity["rank"] as? Int == 1)
        #expect(
            severity.keys.contains("name") && severity.keys.contains("escalation"), "optional keys present, as null")
        let response = try #require(severity["responseTime"] as? [String: Any])
        #expect(response["seconds"] as? Int == 600 && response["text"] is String)

        let checklist = try #require((json["checklists"] as? [[String: Any]])?.first)
        #expect(["incident", "deployment", "maintenance", "security", "other"].contains(checklist["kind"] as? String))
        let item = try #require((checklist["items"] as? [[String: Any]])?.first)
        #expect(item["text"] is String && item.keys.contains("phase") && item.keys.contains("deadlineSeconds"))

        let commands = try #require(json["commands"] as? [[String: Any]])
        for command in commands {
            #expect(command["id"] is Int && command["code"] is String && command["line"] is Int)
            #expect(["read", "change", "destructive"].contains(command["risk"] as? String))
            #expect(
                command["riskReason"] is String && command["runnable"] is Bool && command["placeholders"] is [String])
            #expect(command.keys.contains("title") && command["language"] is String && command["section"] is String)
        }
        let procedure = try #require((json["procedures"] as? [[String: Any]])?.first)
        let step = try #require((procedure["steps"] as? [[String: Any]])?.first)
        #expect(step["text"] is String && step["commands"] is [Int])

        let metric = try #require(
            (json["metrics"] as? [[String: Any]])?.first { $0["name"] as? String == "Checkout Error Rate" })
        let critical = try #require(metric["critical"] as? [String: Any])
        #expect(
            critical["op"] as? String == ">" && critical["value"] as? Double == 5 && critical["unit"] as? String == "%")
        #expect(critical["forSeconds"] as? Int == 300)
        #expect(metric.keys.contains("query") && metric.keys.contains("warning") && metric.keys.contains("target"))

        let escalation = try #require((json["escalation"] as? [[String: Any]])?.first)
        #expect(escalation["level"] as? Int == 1 && escalation["who"] is String && escalation.keys.contains("after"))
        let contact = try #require((json["contacts"] as? [[String: Any]])?.first)
        #expect(contact["name"] is String && contact["contact"] is String && contact.keys.contains("role"))
        let template = try #require((json["templates"] as? [[String: Any]])?.first)
        #expect(template["kind"] as? String == "status-update" && template["body"] is String)
        let warning = try #require((json["warnings"] as? [[String: Any]])?.first)
        #expect(warning["line"] as? Int == 14 && warning["message"] is String)
    }

    @Test func versionAndHelp() throws {
        let version = try WarroomBinary.run(["--version"])
        #expect(version.status == 0 && !version.out.isEmpty)
        for command in ["check", "show", "incident", "note", "timeline", "postmortem"] {
            let help = try WarroomBinary.run([command, "--help"])
            #expect(help.status == 0 && help.out.contains("USAGE"), "\(command) --help")
        }
    }
}
