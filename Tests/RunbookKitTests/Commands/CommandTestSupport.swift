import Foundation
@testable import RunbookKit

/// Commands of one block, for tests.
func extractCommands(_ info: String, _ code: String, line: Int = 1, context: String? = nil) -> [ExtractedCommand] {
    CommandExtraction.commands(in: CodeSource(info: info, code: code, line: line, context: context))
}

func riskOf(_ code: String, _ language: String = "bash") -> Risk {
    RiskRules.classify(code, language: language).risk
}

/// The shared runbooks (`/work/shared/runbooks`), found relative to the package root.
enum CommandTestRunbooks {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/runbooks")
    }

    static func file(prefix: String) -> String? {
        let dir = directory.path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
        return names.sorted().first { $0.hasPrefix(prefix) && $0.hasSuffix(".md") }.map { dir + "/" + $0 }
    }

    static var available: Bool { file(prefix: "000_") != nil }
}
