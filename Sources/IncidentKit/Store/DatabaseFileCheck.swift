import Foundation

/// Looks at a database file's first bytes before SQLite may touch it, so that a file which is
/// not ours is never modified (SQLite would happily write a WAL header into some files).
enum DatabaseFileCheck {
    static let header = Array("SQLite format 3\0".utf8)

    /// Throws `.notADatabase` for a non-empty file without the SQLite header.
    static func check(_ url: URL) throws {
        // Before any open(2): opening a FIFO for reading blocks until a writer comes.
        var info = stat()
        if stat(url.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw JournalError.notAFile(path: url.path, kind: "a directory")
            case S_IFIFO: throw JournalError.notAFile(path: url.path, kind: "a FIFO (named pipe)")
            case S_IFSOCK: throw JournalError.notAFile(path: url.path, kind: "a socket")
            default: throw JournalError.notAFile(path: url.path, kind: "a device")
            }
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw JournalError.database(path: url.path, detail: "cannot read the file")
            }
            return
        }
        defer { try? handle.close() }
        let bytes = [UInt8](handle.readData(ofLength: header.count))
        if bytes.isEmpty { return }
        guard bytes == header else { throw JournalError.notADatabase(path: url.path) }
    }
}
