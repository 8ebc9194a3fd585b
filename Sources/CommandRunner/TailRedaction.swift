import IncidentKit

/// Redacts a run's last lines for the record as one text, not line by line, so that a private key
/// block among them is caught; a block whose BEGIN fell before the tail (only its END is there)
/// has every line before the END replaced.
enum TailRedaction {
    static func redact(_ tail: [String], with redactor: Redactor) -> [String] {
        var lines = tail
        if let end = lines.firstIndex(where: { $0.contains("-----END ") && $0.contains("PRIVATE KEY") }),
            !lines[..<end].contains(where: { $0.contains("-----BEGIN ") && $0.contains("PRIVATE KEY") })
        {
            for i in 0..<end { lines[i] = Redactor.marker }
        }
        if let begin = lines.lastIndex(where: { $0.contains("-----BEGIN ") && $0.contains("PRIVATE KEY") }),
            !lines[begin...].contains(where: { $0.contains("-----END ") && $0.contains("PRIVATE KEY") })
        {
            for i in (begin + 1)..<lines.count { lines[i] = Redactor.marker }
        }
        let joined = redactor.redact(lines.joined(separator: "\n"))
        return joined.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
