import Testing
@testable import RunbookKit

@Suite("Fence languages")
struct CommandFenceLanguageTests {
    @Test(arguments: [
        ("bash", "bash"), ("sh", "bash"), ("shell", "bash"), ("zsh", "bash"), ("console", "bash"),
        ("shell-session", "bash"), ("terminal", "bash"), ("sql", "sql"), ("psql", "sql"), ("postgresql", "sql"),
        ("mysql", "sql"), ("python", "python"), ("py", "python"), ("promql", "promql"), ("{.bash}", "bash"),
        ("bash title=\"x\"", "bash"), ("BASH", "bash")
    ])
    func infoStrings(info: String, language: String) {
        #expect(CommandExtraction.blockLanguage(info: info, code: "echo hi") == language)
    }

    @Test(arguments: [
        "yaml", "json", "toml", "ini", "markdown", "md", "text", "txt", "log", "diff", "nginx", "dockerfile", "hcl"
    ])
    func documentLanguagesHoldNoCommands(info: String) {
        #expect(CommandExtraction.blockLanguage(info: info, code: "key: value\nother: 1") == nil)
        #expect(extractCommands(info, "replicas: 3\nimage: api:1.2").isEmpty)
    }

    @Test func documentFenceWithShellContentIsBash() {
        let code = "# Update resources in k8s\nkubectl edit deployment/api\n# Change resources.limits.memory and cpu"
        #expect(CommandExtraction.blockLanguage(info: "yaml", code: code) == "bash")
        let commands = extractCommands("yaml", code)
        #expect(commands.count == 1)
        #expect(commands.first?.title == "Update resources in k8s")
        #expect(commands.first?.interactive == true)
    }

    @Test func infoStringThatIsACommand() {
        #expect(CommandExtraction.blockLanguage(info: "kubectl get pods", code: "") == "bash")
    }

    @Test(arguments: [
        "kubectl get pods\nkubectl describe pod x",
        "./deploy.sh production",
        "$ docker ps",
        "sudo systemctl restart nginx",
        "curl -s https://x/health | jq .status",
        "mytool status | grep -i error"
    ])
    func unlabelledShell(code: String) {
        #expect(CommandExtraction.blockLanguage(info: "", code: code) == "bash")
    }

    @Test(arguments: [
        "- Application down (health check fails)\n- Database unreachable",
        "Service: api\nSeverity: P[1-4]\nStatus: INVESTIGATING / IDENTIFIED / RESOLVED",
        "Level 1 (Alert)\n↓\nEngineer On-Call responds within 5 minutes",
        "High error rate (>5% 5xx responses)\nDisk space critical (<10% free)",
        "Check the dashboard and find the root cause",
        "| Service | Contact |\n|---|---|\n| API | ops |",
        "Error rate | 5%",
        ""
    ])
    func unlabelledProse(code: String) {
        #expect(CommandExtraction.blockLanguage(info: "", code: code) == nil)
        #expect(extractCommands("", code).isEmpty)
    }

    /// PowerShell and cmd fences are split like a shell's but keep their language, so bash never
    /// runs them; a cmdlet in a step's code span is a command too.
    @Test func windowsShellsKeepTheirLanguage() {
        let ps = extractCommands("powershell", "Stop-Service -Name W3SVC -Force\n\nGet-Service W3SVC")
        #expect(ps.map(\.language) == ["powershell", "powershell"])
        #expect(ps.map(\.risk) == [.change, .read])
        #expect(CommandExtraction.blockLanguage(info: "ps1", code: "Get-Service W3SVC") == "powershell")
        #expect(extractCommands("bat", "taskkill /F /IM w3wp.exe").first?.language == "cmd")
        let span = CommandExtraction.inlineCommand("Restart-WebAppPool -Name \"ShopPool\"", line: 3)
        #expect(span?.language == "powershell" && span?.risk == .change)
        #expect(CommandExtraction.inlineCommand("Pre-Checks for the rollout", line: 3) == nil)
    }

    /// Unlabelled fences that are shell though their lines do not all start with a program: a loop,
    /// an argument in quotes over several lines; and a fence whose info string is the command.
    @Test func loopsQuotedArgumentsAndInfoStringCommands() {
        let loop = extractCommands(
            "", "for h in gw-01 gw-02; do\n  ssh \"$h\" sudo systemctl restart gw\n  sleep 30\ndone")
        #expect(loop.count == 1 && loop.first?.risk == .change)
        let quoted = extractCommands(
            "", "psql -h db -c \"\n  SELECT pid FROM pg_stat_activity\n  WHERE state = 'idle';\"")
        #expect(quoted.count == 1)
        let info = CommandExtraction.extract(CodeSource(info: "kubectl get pods -n checkout", code: "", line: 5))
        #expect(info.commands.map(\.code) == ["kubectl get pods -n checkout"])
        #expect(info.commands.first?.line == 4, "on the fence's own line")
        #expect(
            extractCommands("", "name: api\nreplicas: 3\nimage: \"x\"").isEmpty, "configuration stays configuration")
    }
}
