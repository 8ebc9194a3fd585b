import CCmarkGFM

/// Where a large document can be cut in two and each part parsed by its own cmark parser at once,
/// with the same blocks as one parse of the whole.
///
/// A cut is made only before an ATX heading (`#` at the start of a line) that follows a blank
/// line: after a blank line, a paragraph has ended, and a line at column 0 closes every list item
/// and block quote and cannot be the lazy continuation of one. Two things can still hold such a
/// line, and both are checked on the first part's tree (`firstPartIsClosed`): a fenced code block
/// (a `# comment` in a shell block) and an HTML block that ends only at its own marker (`<!--`,
/// `<pre>`, `<script>`, `<style>`, `<?`, `<!X`). A link reference definition (`[name]: url`) is
/// for the whole document: a document holding `]:` anywhere is not cut. Neither is one with a
/// carriage return, where counting lines by `\n` could go wrong.
enum MarkdownSplit {
    /// The byte offset and 1-based line of the cut nearest after the middle (else before it),
    /// kept within the middle half of the text so each part has a fair share; nil when none.
    static func point(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, line: Int)? {
        guard !holdsReferenceOrCarriageReturn(bytes) else { return nil }
        let middle = bytes.count / 2
        let low = bytes.count / 4, high = bytes.count - bytes.count / 4
        var offset: Int? = nil
        var i = middle
        while i < high, offset == nil {
            if isCut(bytes, at: i) { offset = i }
            i += 1
        }
        i = middle - 1
        while i > low, offset == nil {
            if isCut(bytes, at: i) { offset = i }
            i -= 1
        }
        guard let offset else { return nil }
        var line = 1
        for b in bytes[..<offset] where b == 0x0A { line += 1 }
        return (offset, line)
    }

    /// Every offset a cut may be made at (for tests: each must give the same blocks, or be refused).
    static func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard !holdsReferenceOrCarriageReturn(bytes) else { return [] }
        return (0..<bytes.count).filter { isCut(bytes, at: $0) }
    }

    /// An ATX heading's `#` at the start of a line whose previous line is blank.
    static func isCut(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i >= 2, bytes[i] == UInt8(ascii: "#"), bytes[i - 1] == 0x0A else { return false }
        // The previous line: only spaces or tabs back to the line break before it.
        var j = i - 2
        while j >= 0, bytes[j] == 0x20 || bytes[j] == 0x09 { j -= 1 }
        guard j < 0 || bytes[j] == 0x0A else { return false }
        // One to six `#`, then a space, a tab, a line break or the end.
        var k = i
        while k < bytes.count, bytes[k] == UInt8(ascii: "#") { k += 1 }
        guard k - i <= 6 else { return false }
        return k == bytes.count || bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A
    }

    private static func holdsReferenceOrCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x0D || (b == UInt8(ascii: ":") && previous == UInt8(ascii: "]")) { return true }
            previous = b
        }
        return false
    }

    /// Whether the first part's tree ended with nothing left open that the heading after the
    /// cut would have belonged to: no fenced code block and no HTML block on the path of last
    /// children runs into the blank line before the cut (`blankLine`). A block closed by its own
    /// fence or marker ends before that line; one left open runs to the part's end.
    static func firstPartIsClosed(_ root: OpaquePointer, blankLine: Int) -> Bool {
        var node = cmark_node_last_child(root)
        while let current = node {
            if holdsOpenLines(current), Int(cmark_node_get_end_line(current)) >= blankLine { return false }
            node = cmark_node_last_child(current)
        }
        return true
    }

    /// A fenced code block or an HTML block: the blocks whose lines a heading can be one of.
    /// (An indented code block cannot hold a line at column 0.)
    private static func holdsOpenLines(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK: return true
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            return cmark_node_get_fenced(node, &length, &offset, &character) != 0
        default: return false
        }
    }
}
