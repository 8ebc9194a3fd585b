import Foundation
import Testing
@testable import RunbookKit

/// Where the test inputs are: the fixtures beside these tests, and the real runbooks in
/// `../shared/runbooks` next to the package (absent outside the war-room workspace).
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let sharedRunbooks = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/runbooks")
    static let sharedCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func fixtureRunbook(_ name: String) throws -> Runbook { try RunbookReader.read(file: fixture(name)) }
}

/// The shared runbooks, found by their number prefix (`000_`, `001_` …).
enum SharedRunbooks {
    static let available: Bool = {
        let present = FileManager.default.fileExists(atPath: Paths.sharedRunbooks.path)
        if !present {
            print("notice: \(Paths.sharedRunbooks.path) is absent; tests on the shared runbooks are skipped")
        }
        return present
    }()

    static func path(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.sharedRunbooks.path)
        let name = try #require(names.sorted().first { $0.hasPrefix(prefix) }, "no shared runbook \(prefix)*")
        return Paths.sharedRunbooks.appendingPathComponent(name).path
    }

    static func runbook(_ prefix: String) throws -> Runbook { try RunbookReader.read(file: path(prefix)) }

    static func all() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Paths.sharedRunbooks.path).filter { $0.hasSuffix(".md") }
            .sorted()
            .map { Paths.sharedRunbooks.appendingPathComponent($0).path }
    }
}

/// Public runbooks of other teams in `../shared/corpus`, found by their number prefix.
enum Corpus {
    static let available: Bool = {
        let present = FileManager.default.fileExists(atPath: Paths.sharedCorpus.path)
        if !present { print("notice: \(Paths.sharedCorpus.path) is absent; tests on the corpus are skipped") }
        return present
    }()

    static func runbook(_ prefix: String) throws -> Runbook {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.sharedCorpus.path)
        let name = try #require(
            names.sorted().first { $0.hasPrefix(prefix) && $0.hasSuffix(".md") }, "no corpus file \(prefix)*")
        return try RunbookReader.read(file: Paths.sharedCorpus.appendingPathComponent(name).path)
    }

    static func all() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Paths.sharedCorpus.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            .map { Paths.sharedCorpus.appendingPathComponent($0).path }
    }
}

extension Runbook {
    func metric(_ name: String) -> MetricSpec? {
        metrics.first { $0.name.lowercased() == name.lowercased() }
    }

    func checklist(_ title: String) -> Checklist? {
        checklists.first { $0.title == title }
    }

    func commands(containing text: String) -> [RunbookCommand] {
        commands.filter { $0.code.contains(text) }
    }
}
