import Foundation
import RunbookKit

/// Reads a runbook after checking what the path is: a FIFO, a socket or a device is refused at
/// once with a clear message (reading a FIFO would wait for a writer forever).
enum RunbookFile {
    struct NotAFile: Error, CustomStringConvertible {
        var path: String
        var kind: String
        var description: String { "\(path) is \(kind), not a runbook file" }
    }

    static func read(_ path: String) throws -> Runbook {
        try refuseSpecialFile(path)
        return try RunbookReader.read(file: path)
    }

    static func refuseSpecialFile(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFIFO: throw NotAFile(path: path, kind: "a FIFO (named pipe)")
            case S_IFSOCK: throw NotAFile(path: path, kind: "a socket")
            case S_IFCHR, S_IFBLK: throw NotAFile(path: path, kind: "a device")
            default: break
            }
        }
    }
}
