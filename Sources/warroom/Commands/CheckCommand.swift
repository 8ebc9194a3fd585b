import ArgumentParser
import Foundation
import IncidentKit
import RunbookKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read runbooks and print what warroom understood, with warnings as file:line.",
        discussion: """
            Besides the reader's own warnings, check lints what a team wants fixed before an incident: \
            severities without a response time, placeholders no one can fill, destructive commands without \
            a caution, metrics without a threshold, links to missing anchors or files, duplicated commands, \
            and secrets written into commands (shown masked).
            """)

    @Argument(help: "Markdown runbook files.")
    var runbooks: [String]

    @Flag(help: "Exit 1 when there is any warning (for CI and pre-commit hooks).")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Output: text (a summary and file:line warnings), github (workflow annotations) or json (a list of "
                + "findings).")
    )
    var format: CheckFormat = .text

    func run() throws {
        var findings: [LintFinding] = []
        for path in runbooks {
            // A FIFO, socket or device is refused at once: reading it could wait forever.
            do {
                try RunbookFile.refuseSpecialFile(path)
            } catch {
                findings.append(
                    LintFinding(file: path, line: 1, severity: .error, message: "\(error)", kind: .unreadable))
                if format == .text { printError("warroom: \(error)") }
                continue
            }
            var (runbook, found) = RunbookLint.check(file: path)
            if let runbook {
                // The file's every line: a secret quoted in prose is shown by whatever shows the runbook.
                let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                found += RunbookSecrets.findings(runbook, text: text)
            }
            findings += found
            guard format == .text else { continue }
            if let runbook {
                print(TerminalText.clean(RunbookSecrets.shown(RunbookSummary.text(runbook))))
                for finding in found where finding.kind != .reader {
                    print(
                        TerminalText.clean(
                            "\(finding.file):\(finding.line): warning: \(finding.message) [\(finding.kind.rawValue)]"))
                }
            }
            for finding in found where finding.severity == .error {
                printError("warroom: \(finding.file): \(finding.message)")
            }
        }
        switch format {
        case .text: break
        case .github: findings.forEach { print(CheckOutput.annotation($0)) }
        case .json: print(try CheckOutput.json(findings))
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        if strict, !findings.isEmpty { throw ExitCode(1) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}
