import Foundation

/// People, teams and vendors to reach (§7): contact tables (`Service | Contact | Method`),
/// and bullets like `**Primary**: [Engineer Name] - [Phone]` under contact or on-call headings.
enum ContactExtractor {
    static func extract(_ outline: Section) -> [Contact] {
        var contacts: [Contact] = []
        outline.forEach { section in
            // Worked out at the section's first list: most sections have none.
            var contactSection: Bool? = nil
            for block in section.blocks {
                switch block.kind {
                case .table:
                    if let table = TableData(block) { contacts += fromTable(table) }
                case .paragraph:
                    contacts += fromFields(block)
                case .list:
                    let isContact =
                        contactSection
                        ?? section.pathWords.contains {
                            $0.containsWord([
                                "contact", "contacts", "on-call", "oncall", "people", "team", "escalation", "external",
                                "vendor", "support", "who to call"
                            ])
                        }
                    contactSection = isContact
                    if isContact { contacts += fromList(block) }
                default:
                    break
                }
            }
        }
        return contacts
    }

    /// A table with a Contact column and/or a Method/Email/Phone column. With both, the
    /// Contact column names who to reach and Method says how; the first column is the area.
    static func fromTable(_ table: TableData) -> [Contact] {
        let contactColumn = table.column(["contact"])
        let methodColumn = table.column(
            ["method", "email", "phone", "slack", "handle", "pager", "channel", "reach", "how to"],
            excluding: Set([contactColumn].compactMap { $0 }))
        guard !listsCommands(table) else { return [] }
        guard contactColumn != nil || methodColumn != nil else {
            let roles = fromRoleTable(table)
            return roles.isEmpty ? fromRotationTable(table) : roles
        }
        let addressColumn = methodColumn ?? contactColumn!
        var used = Set([contactColumn, methodColumn].compactMap { $0 })
        let nameColumn =
            contactColumn != nil && methodColumn != nil
            ? contactColumn
            : table.column(["name", "person", "who", "owner"], excluding: used) ?? (addressColumn == 0 ? 1 : 0)
        if let nameColumn { used.insert(nameColumn) }
        let roleColumn =
            table.column(["role", "team", "service", "area", "system", "component", "responsib"], excluding: used)
            ?? (used.contains(0) ? nil : 0)
        if let roleColumn { used.insert(roleColumn) }
        var out: [Contact] = []
        for row in table.rows.indices {
            guard let name = table.cell(row, nameColumn), let address = table.cell(row, addressColumn) else { continue }
            let extras = table.header.indices.filter { !used.contains($0) && table.cell(row, $0) != nil }
                .map { "\(table.header[$0]): \(table.cell(row, $0)!)" }
            out.append(
                Contact(
                    name: name, contact: ([address] + extras).joined(separator: "; "),
                    role: table.cell(row, roleColumn), line: table.rowLines[row]))
        }
        return out
    }

    /// `Role | Responsibility | Who`: each role with who fills it (a person, a rota, a team).
    static func fromRoleTable(_ table: TableData) -> [Contact] {
        guard let roleColumn = table.header.firstIndex(where: { $0.lowercased().hasPrefix("role") }),
            let whoColumn = table.column(
                ["who", "person", "owner", "assignee", "filled by", "on-call", "oncall", "name"],
                excluding: [roleColumn])
        else { return [] }
        return table.rows.indices.compactMap { row in
            guard let role = table.cell(row, roleColumn), let who = table.cell(row, whoColumn) else { return nil }
            let extras = table.header.indices.filter {
                $0 != roleColumn && $0 != whoColumn && table.cell(row, $0) != nil
            }
            .map { "\(table.header[$0]): \(table.cell(row, $0)!)" }
            return Contact(
                name: who, contact: ([who] + extras).joined(separator: "; "), role: role, line: table.rowLines[row])
        }
    }

    /// Columns of an on-call rotation: each names a role, each cell the one who holds it.
    static let rotationRoles = [
        "primary", "secondary", "tertiary", "backup", "manager", "escalation", "lead", "on-call"
    ]

    /// `Rotation | Primary | Secondary | Escalation manager`: a row per team, a contact per filled
    /// cell, its role the team and the column ("Storage primary").
    static func fromRotationTable(_ table: TableData) -> [Contact] {
        let roleColumns = table.header.indices.dropFirst().filter { column in
            let header = table.header[column].lowercased()
            return rotationRoles.contains { header.contains($0) }
        }
        guard !roleColumns.isEmpty else { return [] }
        var out: [Contact] = []
        for row in table.rows.indices {
            let area = table.cell(row, 0) ?? ""
            for column in roleColumns {
                guard let who = table.cell(row, column)?.trimmed, who.count > 1, who.contains(where: \.isLetter)
                else { continue }
                let role = area.isEmpty ? table.header[column] : "\(area) \(table.header[column].lowercased())"
                out.append(Contact(name: who, contact: who, role: role, line: table.rowLines[row]))
            }
        }
        return out
    }

    /// A table of evidence or commands (`kubectl get pods | pod state`) is not a contact list.
    static func listsCommands(_ table: TableData) -> Bool {
        table.header.indices.contains { column in
            let cells = table.rows.indices.compactMap { table.cell($0, column) }
            let commands = cells.filter { InlineCommands.recognize($0) != nil }
            return !cells.isEmpty && commands.count * 2 > cells.count
        }
    }

    /// Labels of a field that names who owns or answers for the service.
    static let contactLabels = [
        "owner", "owning team", "team", "on-call", "oncall", "on call", "pagerduty", "pager", "opsgenie",
        "victorops", "slack", "channel", "chat", "contact", "email", "e-mail", "mailing list", "phone", "manager",
        "maintainer", "support", "escalat", "point of contact", "responder"
    ]

    /// Fields at a page's head, each on its line (`**Owner:** @payments-team`, `**PagerDuty:**
    /// checkout-primary`), or one such field alone in its paragraph.
    static func fromFields(_ paragraph: MarkdownBlock) -> [Contact] {
        let fields =
            (paragraph.fieldLines
            ?? LabeledText(plain: paragraph.text).map { [($0, paragraph.line)] } ?? [])
            .flatMap { field, line in sameLineFields(field).map { ($0, line) } }
        return fields.compactMap { field, line in
            let value = field.value.trimmed
            // A value is a name or an address, not a sentence about one.
            guard field.labelIs(contactLabels), !value.isEmpty, value.count <= 80,
                value.split(separator: " ").count <= 6, !value.hasSuffix(".")
            else { return nil }
            return Contact(name: value, contact: value, role: field.label, line: line)
        }
    }

    /// `owner: payments-team`, `slack: "#payments-oncall"` in the front matter: the page's own
    /// contacts, in the order of their lines.
    static func fromFrontMatter(_ values: [String: String], lines: [String: Int]) -> [Contact] {
        values.sorted { (lines[$0.key] ?? 0, $0.key) < (lines[$1.key] ?? 0, $1.key) }.compactMap { key, raw in
            let label = key.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            let value = raw.trimmed
            guard LabeledText(label: label, value: value).labelIs(contactLabels), !value.isEmpty, value.count <= 80,
                value.split(separator: " ").count <= 6, !value.hasSuffix(".")
            else { return nil }
            return Contact(name: value, contact: value, role: key, line: lines[key] ?? 1)
        }
    }

    /// `Owner: platform-data · Slack: #data-oncall`: fields side by side on one line, split where
    /// every part after the first is a field of its own.
    static func sameLineFields(_ field: LabeledText) -> [LabeledText] {
        for separator in [" · ", " | ", " • "] where field.value.contains(separator) {
            let parts = field.value.components(separatedBy: separator)
            let rest = parts.dropFirst().compactMap { LabeledText(plain: $0.trimmed) }
            guard rest.count == parts.count - 1 else { continue }
            return [LabeledText(label: field.label, value: parts[0].trimmed)] + rest
        }
        return [field]
    }

    /// `**Primary**: [Engineer Name] - [Phone] - [Email]`, `- Database team: #db-oncall`.
    static func fromList(_ list: MarkdownBlock) -> [Contact] {
        var out: [Contact] = []
        for item in list.items {
            guard let paragraph = item.firstParagraph, let labeled = LabeledText(paragraph),
                looksReachable(labeled.value), !isCommandSpan(labeled.value, in: paragraph)
            else { continue }
            let parts = labeled.value.components(separatedBy: " - ").map(\.trimmed).filter { !$0.isEmpty }
            if parts.count >= 2, !looksReachable(parts[0]) || parts[0].hasPrefix("[") {
                out.append(
                    Contact(
                        name: parts[0], contact: parts.dropFirst().joined(separator: " - "), role: labeled.label,
                        line: item.line))
            } else {
                out.append(Contact(name: labeled.label, contact: labeled.value, role: nil, line: item.line))
            }
        }
        return out
    }

    /// A value that is wholly a code span of several words (`port-forward: `kubectl … 9200:9200``)
    /// is a command: an address in code is one word (`#payments-oncall`, `oncall@example.com`).
    static func isCommandSpan(_ value: String, in paragraph: MarkdownBlock) -> Bool {
        let trimmed = value.trimmed
        return trimmed.contains(" ") && paragraph.inlines.codeSpans.contains { $0.trimmed == trimmed }
    }

    /// An address, phone number, channel, handle, link or a `[Phone]`-style blank to fill.
    static func looksReachable(_ text: String) -> Bool {
        if text.contains("@") || text.contains("http") || text.contains("#") || text.contains("[") { return true }
        if text.lowercased().containsWord(["pagerduty", "slack", "opsgenie", "phone", "email", "dashboard", "support"])
        {
            return true
        }
        let digits = text.filter(\.isNumber).count
        return digits >= 6 && text.contains("+")
    }
}
