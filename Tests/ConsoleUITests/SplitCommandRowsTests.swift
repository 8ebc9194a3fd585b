import ConsoleUI
import Foundation
import RunbookKit
import Testing

/// A block cut into one command per line keeps its title (without the list item's colon) on each:
/// the commands pane tells the neighbours apart by their first line.
@Suite("Commands cut from one block")
struct SplitCommandRowsTests {
    let palette = BuiltinThemes.defaultTheme.palette(depth: .ansi256)

    @Test("neighbours with one title show their first lines; a title of its own stays alone")
    func neighboursShowTheirFirstLines() {
        let markdown = """
            # Cache down

            ## Diagnosis

            1. Look at the pods:

               ```
               kubectl get pods -n cache
               kubectl delete pod cache-0 -n cache
               ```

            2. Check memory:

               ```
               redis-cli -h cache-0 INFO memory
               ```
            """
        var state = AppFixture.state()
        state.runbooks = [RunbookReader.parse(text: markdown, source: "cache.md")]
        let rows = state.commands.map { "\($0.risk) \($0.title ?? "")" }
        #expect(rows == ["read Look at the pods", "destructive Look at the pods", "read Check memory"])
        let text = AppView.render(state, palette: palette).lines.joined(separator: "\n")
        #expect(text.contains("read        Look at the pods · kubectl get pods -n ca"))
        #expect(text.contains("DESTRUCTIVE Look at the pods · kubectl delete pod cac"))
        #expect(text.contains("read        Check memory") && !text.contains("Check memory ·"))
    }
}
