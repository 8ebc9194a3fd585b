import Foundation

/// Who wrote an event: `--as NAME`, else `$WARROOM_AUTHOR`, else `user@host` (short host name)
/// where the user is `$USER`, `$LOGNAME`, or the account database's name for this uid
/// (cron jobs, `env -i` and some containers set neither variable).
public enum Author {
    public static func current(
        override name: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let name, !name.isEmpty { return name }
        if let name = environment["WARROOM_AUTHOR"], !name.isEmpty { return name }
        let user = nonEmpty(environment["USER"]) ?? nonEmpty(environment["LOGNAME"]) ?? accountName() ?? "unknown"
        return user + "@" + hostName()
    }

    /// The login name of the real uid from the account database (`getpwuid_r`, thread-safe).
    static func accountName() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        // pw_name points into the buffer, so it is read while the buffer is still pinned.
        return buffer.withUnsafeMutableBufferPointer { bytes -> String? in
            guard let base = bytes.baseAddress,
                getpwuid_r(getuid(), &entry, base, bytes.count, &result) == 0, result != nil,
                let name = entry.pw_name
            else { return nil }
            return nonEmpty(String(cString: name))
        }
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let full = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return full.split(separator: ".").first.map(String.init) ?? full
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
