import Foundation
import Testing
@testable import RunbookKit

/// Large runbooks are extracted in two threads (`SideBySide`): what is read must not depend on it.
@Suite struct SideBySideTests {
    static func inputs() throws -> [String] {
        let fixtures = try FileManager.default.subpathsOfDirectory(atPath: Paths.fixtures.path)
            .filter { $0.hasSuffix(".md") }.sorted().map(Paths.fixture)
        let shared = SharedRunbooks.available ? try SharedRunbooks.all() : []
        let corpus = Corpus.available ? try Corpus.all() : []
        return fixtures + shared + corpus
    }

    @Test func bothWaysReadTheSame() throws {
        let paths = try Self.inputs()
        #expect(paths.count > 40)
        for path in paths {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let inTurn = RunbookReader.parse(bytes: bytes, source: path, together: false)
            let together = RunbookReader.parse(bytes: bytes, source: path, together: true)
            #expect(inTurn == together, "\(path) reads differently in two threads")
        }
    }

    @Test func largeFilesAreReadInTwoThreadsAndTheSame() throws {
        var bytes: [UInt8] = []
        for path in try Self.inputs() { bytes += [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) + [10, 10] }
        #expect(bytes.count >= SideBySide.minimumBytes)
        let inTurn = RunbookReader.parse(bytes: bytes, source: "all", together: false)
        #expect(RunbookReader.parse(bytes: bytes, source: "all") == inTurn)
        #expect(inTurn.commands.count > 100)
    }

    @Test func workOnTheOtherThreadReturnsItsValue() {
        for together in [false, true] {
            var here = 0
            let (a, b) = SideBySide.run(together: together) {
                (1...1000).reduce(0, +)
            } _: {
                here += 1
                return "here"
            }
            #expect(a == 500_500 && b == "here" && here == 1)
        }
    }
}
