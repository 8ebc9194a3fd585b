import Foundation

extension MarkdownBlock {
    /// A paragraph's source lines as a person reads them, split at its soft and hard breaks.
    var lines: [(text: String, offset: Int)] {
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            if inline == .softBreak || inline == .lineBreak {
                lines.append([])
            } else {
                lines[lines.count - 1].append(inline)
            }
        }
        return lines.enumerated().map { ($0.element.plainText, $0.offset) }.filter { !$0.text.isEmpty }
    }

    /// A paragraph of fields, one per line (`**Owner:** @payments` then `**Slack:** #payments-oncall`):
    /// each line, when there are several and every one is a `Label: value`; nil for prose.
    var fieldLines: [(field: LabeledText, line: Int)]? {
        guard case .paragraph = kind, inlines.contains(where: { $0 == .softBreak || $0 == .lineBreak }) else {
            return nil
        }
        let lines = self.lines
        let fields = lines.compactMap { line in
            LabeledText(plain: line.text.replacingIfPresent("**", with: "")).map { ($0, self.line + line.offset) }
        }
        return fields.count >= 2 && fields.count == lines.count ? fields : nil
    }
}
