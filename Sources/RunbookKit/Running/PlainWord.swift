/// The values the quoting policy accepts everywhere a word goes: letters, digits and
/// `. _ : / @ % + = , -`, not starting with `-`. Such a value cannot end a quote, start an
/// expansion, split into words, glob, become an option, or mean anything to a shell, SQL,
/// Python, Perl, awk or JavaScript parser but a name, a number or a word of text. Anything else
/// is accepted only where warroom has proven the command passes it as data (`ShellDataPolicy`).
public enum PlainWord {
    public static func isPlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first != "-" else { return false }
        return value.unicodeScalars.allSatisfy { s in
            (s.isASCII
                && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "._:/@%+=,-".unicodeScalars.contains(s)))
                || (!s.isASCII && s.properties.isAlphabetic)
        }
    }

    /// A plain word that a second parser (SQL, a shell, a script language) also reads as one
    /// token: no `--`, `/*` or `*/`, which start or end comments in SQL and C-like languages.
    public static func isPlainForAnyParser(_ value: String) -> Bool {
        isPlain(value) && !value.contains("--") && !value.contains("/*") && !value.contains("*/")
    }

    /// A plain word a script language's program can hold without ending a pattern or adding an
    /// expression: letters, digits, `_ . : @` and an inner `-`. sed's `/` ends its address
    /// (`/<v>/p` with `x/e cmd`), jq's `,` adds a filter (`.<f>` with `a,env`).
    public static func isPlainForScript(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first != "-" else { return false }
        return value.unicodeScalars.allSatisfy { s in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.:@-".unicodeScalars.contains(s)))
                || (!s.isASCII && s.properties.isAlphabetic)
        }
    }

    /// A whole number, optionally negative: the only value accepted in a numeric spot (shell
    /// arithmetic, `LIMIT`), where a name would be evaluated (`a[$(cmd)]`) or read as a column.
    public static func isInteger(_ value: String) -> Bool {
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        return !digits.isEmpty && digits.utf8.count <= 18 && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// An unsigned decimal number (`10`, `2.5`).
    public static func isUnsignedNumber(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return !value.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }
}
