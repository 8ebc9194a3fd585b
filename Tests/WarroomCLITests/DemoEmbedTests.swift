import Foundation
import Testing
import WarroomTestSupport

/// `warroom demo` carries `examples/payments-api.md` and `examples/warroom.yaml` in the binary as
/// generated Swift (scripts/embed-examples.sh); the copies must not drift from the files.
struct DemoEmbedTests {
    /// The text of the `#"""` raw string in a generated file, plus the final newline the literal drops.
    static func embedded(_ source: String) throws -> String {
        let text = try String(contentsOf: WarroomBinary.packageRoot.appendingPathComponent(source), encoding: .utf8)
        let open = try #require(text.range(of: "= #\"\"\"\n"), "no raw string in \(source)")
        let close = try #require(text.range(of: "\n\"\"\"#\n", options: .backwards), "no raw string end in \(source)")
        return String(text[open.upperBound..<close.lowerBound]) + "\n"
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: WarroomBinary.packageRoot.appendingPathComponent("examples/\(name)"), encoding: .utf8)
    }

    @Test(arguments: [
        ("Sources/warroom/DemoRunbookText.swift", "payments-api.md"),
        ("Sources/warroom/DemoConfigText.swift", "warroom.yaml")
    ])
    func theEmbeddedCopyEqualsTheExample(source: String, example: String) throws {
        #expect(
            try Self.embedded(source) == Self.example(example),
            "\(source) differs from examples/\(example): run scripts/embed-examples.sh")
    }
}
