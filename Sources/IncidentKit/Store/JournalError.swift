/// Errors a person can act on: each names the file or lists the valid values.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    case notADatabase(path: String)
    case corrupt(path: String, detail: String)
    case readOnly(path: String)
    case locked(path: String, waitedSeconds: Double)
    case cannotCreate(path: String, detail: String)
    case unknownIncident(id: String, known: [String])
    case noOpenIncident
    case invalidValue(what: String, value: String, valid: [String])
    case database(path: String, detail: String)
    /// The journal path is a directory, a FIFO, a socket or a device: nothing is opened (a FIFO would hang).
    case notAFile(path: String, kind: String)
    /// Written by a newer warroom: its schema has changes this version does not know.
    case newerSchema(path: String, unknown: [String])
    /// The disk (or the quota) is full: ENOSPC.
    case diskFull(path: String)
    /// A journal server (named by its URL without the password) could not be reached.
    case serverUnreachable(url: String, detail: String)
    /// The server refused the user or the password.
    case authenticationFailed(url: String, detail: String)
    /// The server has no database of that name.
    case noSuchDatabase(url: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a warroom store database (no SQLite header); it was left untouched. "
                + "Move it away or point --store elsewhere."
        case .corrupt(let path, let detail):
            return "\(path) is corrupt (\(detail)); it was left untouched."
        case .readOnly(let path):
            return "the store \(path) is read-only; warroom needs to write there (use --store or WARROOM_STORE)."
        case .locked(let path, let waited):
            return "the store \(path) is locked by another process (waited \(Self.seconds(waited)) s); try again."
        case .cannotCreate(let path, let detail):
            return "cannot create the store folder \(path): \(detail)"
        case .unknownIncident(let id, let known):
            let list =
                known.isEmpty ? "there are no incidents in this store" : "known: " + known.joined(separator: ", ")
            return "unknown incident \(id); \(list)"
        case .noOpenIncident:
            return "no open incident; give one with --incident ID or open one with `warroom incident open`"
        case .invalidValue(let what, let value, let valid):
            return "unknown \(what) \"\(value)\"; valid: \(valid.joined(separator: ", "))"
        case .database(let path, let detail):
            return "\(path): \(detail)"
        case .notAFile(let path, let kind):
            return "\(path) is \(kind), not a journal file; move it away or point --store elsewhere."
        case .newerSchema(let path, let unknown):
            return
                "\(path) was written by a newer warroom (schema changes \(unknown.joined(separator: ", ")) unknown here); "
                + "it can be read but not written by this version: upgrade warroom to write to it."
        case .diskFull(let path):
            return "disk full: cannot write \(path) (no space left on device); free space and try again."
        case .serverUnreachable(let url, let detail):
            return "cannot reach the journal server \(url) (\(detail)); check the host and port, or the ssh -L tunnel."
        case .authenticationFailed(let url, let detail):
            return "the journal server \(url) refused the credentials (\(detail)); "
                + "give the password in PGPASSWORD or ~/.pgpass."
        case .noSuchDatabase(let url):
            return "the journal server \(url) has no such database; create it (createdb) or fix the URL."
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }
}
