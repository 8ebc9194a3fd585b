import ConsoleUI
import Foundation
import Testing

/// Whole screens compared with files in `Screens/`: a misaligned column or a cut word is a
/// failure that shows the first differing line. `UPDATE_GOLDEN=1` rewrites the files (review the diff).
enum ScreenGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")

    static func lines(_ state: AppState) -> [String] {
        AppView.render(state, palette: BuiltinThemes.defaultTheme.palette(depth: .mono)).lines
            .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    static func expect(_ state: AppState, matches name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let shown = lines(state)
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try (shown.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .dropLast().map(String.init)
        #expect(
            shown.count == golden.count, "\(name): \(shown.count) lines, the file has \(golden.count)",
            sourceLocation: sourceLocation)
        if let row = zip(shown, golden).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record(
                "\(name).txt line \(row + 1) differs:\n  shown: \(shown[row])\n  file:  \(golden[row])",
                sourceLocation: sourceLocation)
        }
    }
}
