import Foundation

/// Where the journal lives: `--store DIR`, else `$WARROOM_STORE`, else `$XDG_DATA_HOME/warroom`,
/// else `~/.local/share/warroom`.
public struct StoreLocation: Sendable, Equatable {
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreLocation
    {
        if let option, !option.isEmpty { return StoreLocation(directory: URL(fileURLWithPath: option)) }
        if let env = environment["WARROOM_STORE"], !env.isEmpty {
            return StoreLocation(directory: URL(fileURLWithPath: env))
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return StoreLocation(directory: URL(fileURLWithPath: xdg).appendingPathComponent("warroom"))
        }
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return StoreLocation(directory: home.appendingPathComponent(".local/share/warroom"))
    }

    public var databaseURL: URL { directory.appendingPathComponent("journal.sqlite") }
    public var outputsURL: URL { directory.appendingPathComponent("outputs") }
    /// Extra redaction patterns, one regular expression a line (`#` starts a comment).
    public var redactionPatternsURL: URL { directory.appendingPathComponent("redact.patterns") }
    /// The `redact:` patterns of every `warroom.yaml` used with this store, kept by warroom so that
    /// writers without a config (`warroom note`) redact the same way.
    public var configuredPatternsURL: URL { directory.appendingPathComponent("redact.configured") }
}

/// Files 0600, folders 0700: the journal holds incident details.
enum PrivateFiles {
    static func makeDirectory(_ url: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw JournalError.cannotCreate(path: url.path, detail: "a file is in the way")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError.cannotCreate(path: url.path, detail: (error as NSError).localizedDescription)
        }
    }

    /// Creates an empty file with mode 0600 if none exists (SQLite then gives its -wal and -shm
    /// files the same mode).
    /// Returns whether the file was created now.
    @discardableResult
    static func createIfMissing(_ url: URL) throws -> Bool {
        let fd = open(url.path, O_CREAT | O_WRONLY | O_EXCL, 0o600)
        if fd >= 0 { close(fd); return true }
        if errno == EEXIST { return false }
        if errno == EACCES || errno == EROFS { throw JournalError.readOnly(path: url.deletingLastPathComponent().path) }
        throw JournalError.cannotCreate(path: url.path, detail: String(cString: strerror(errno)))
    }

    /// Writes `data` to a new 0600 file and fsyncs it.
    static func write(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw JournalError.database(path: url.path, detail: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw JournalError.database(path: url.path, detail: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        fsync(fd)
    }
}
