import Foundation
import IncidentKit

/// A `postgres://user[:password]@host[:port]/database[?sslmode=…]` store address.
///
/// The password is taken from the URL, else `PGPASSWORD`, else `~/.pgpass` (or `PGPASSFILE`),
/// as libpq does; it is kept in memory only and never shown: `redacted` is what messages name.
public struct PostgresStoreURL: Sendable, Equatable {
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Plain TCP (a loopback server, an `ssh -L` tunnel that already encrypts).
        case disable
        /// TLS if the server offers it: the default on loopback only.
        case prefer
        /// TLS always, the server's certificate not checked.
        case require
        /// TLS always, certificate and host name checked against the system's trusted roots.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    /// Whether `text` names a PostgreSQL store rather than a SQLite folder.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgres(text), let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty
        else {
            throw JournalError.invalidValue(
                what: "store URL", value: Self.redact(text),
                valid: ["postgres://user@host:5432/database[?sslmode=disable|require|verify-full]"])
        }
        self.host = host
        port = parts.port ?? 5432
        user =
            parts.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"]
            ?? "postgres"
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        if let mode = query["sslmode"] {
            guard let parsed = SSLMode(rawValue: mode) else {
                throw JournalError.invalidValue(what: "sslmode", value: mode, valid: SSLMode.allCases.map(\.rawValue))
            }
            sslMode = parsed
        } else {
            // Secure by default: TLS required unless the server is on this machine (or a tunnel to it).
            sslMode = Self.isLoopback(host) ? .prefer : .require
        }
        password =
            parts.password.flatMap { $0.removingPercentEncoding }
            ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PGPassFile.password(host: host, port: port, database: database, user: user, environment: environment)
    }

    /// The URL as messages show it: never the password.
    public var redacted: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(hostPart):\(port)/\(database)"
    }

    /// `text` with any password replaced, for messages about a URL that did not parse.
    static func redact(_ text: String) -> String {
        guard let at = text.range(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at.lowerBound
        else { return text }
        let credentials = text[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
