import Foundation

/// Clock and countdown text, all in UTC, computed by hand (it runs for every row, every second).
public enum TimeText {
    /// `14:03:09` (UTC).
    public static func clock(_ date: Date) -> String {
        let seconds = Int(floor(date.timeIntervalSince1970))
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return two(ofDay / 3600) + ":" + two(ofDay / 60 % 60) + ":" + two(ofDay % 60)
    }

    /// `2026-11-23` (UTC).
    public static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(c.year ?? 0) + "-" + two(c.month ?? 0) + "-" + two(c.day ?? 0)
    }

    /// `HH:MM:SS` of a duration (negative counts as zero).
    public static func elapsed(_ seconds: Int) -> String {
        let s = max(seconds, 0)
        return two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60)
    }

    /// `MM:SS` under an hour, `H:MM:SS` beyond, of the absolute value.
    public static func countdown(_ seconds: Int) -> String {
        let s = abs(seconds)
        if s >= 3600 { return String(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60) }
        return two(s / 60) + ":" + two(s % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}

/// Word wrap by display width; words longer than a line are cut.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if DisplayWidth.of(candidate) <= width {
                    line = candidate
                } else {
                    if !line.isEmpty { lines.append(line) }
                    line = TextFit.truncate(String(word), toWidth: width)
                }
            }
            lines.append(line)
        }
        return lines
    }
}
