import Foundation

/// Who wrote an event: `--as NAME`, else `$USER@host` (short host name).
public enum Author {
    public static func current(override name: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> String
    {
        if let name, !name.isEmpty { return name }
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        return user + "@" + hostName()
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let full = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return full.split(separator: ".").first.map(String.init) ?? full
    }
}
