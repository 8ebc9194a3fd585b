import Foundation
import IncidentKit
import NIOCore
import PostgresNIO

/// Turns postgres-nio's errors into `JournalError`s a person can act on, naming the server by its
/// URL without the password. (PSQLError's own description is deliberately opaque.)
enum PostgresErrors {
    static func journalError(_ error: any Error, url: PostgresStoreURL) -> any Error {
        if error is JournalError || error is CancellationError { return error }
        guard let psql = error as? PSQLError else {
            return JournalError.serverUnreachable(url: url.redacted, detail: "\(error)")
        }
        let state = psql.serverInfo?[.sqlState]
        let message = psql.serverInfo?[.message] ?? ""
        switch (psql.code, state) {
        case (_, "28P01"), (_, "28000"):
            return JournalError.authenticationFailed(url: url.redacted, detail: message)
        case (.authMechanismRequiresPassword, _), (.saslError, _), (.unsupportedAuthMechanism, _):
            return JournalError.authenticationFailed(
                url: url.redacted,
                detail: "the server wants a password and none was found")
        case (_, "3D000"):
            return JournalError.noSuchDatabase(url: url.redacted)
        case (_, .some(let code)) where serverGoingAway(code):
            return JournalError.serverUnreachable(url: url.redacted, detail: message + " (SQLSTATE \(code))")
        case (.connectionError, _), (.serverClosedConnection, _), (.clientClosedConnection, _),
            (.sslUnsupported, _), (.failedToAddSSLHandler, _), (.uncleanShutdown, _):
            let detail =
                psql.underlying.map { "\($0)" }
                ?? (psql.code == .sslUnsupported
                    ? "the server does not offer TLS; use sslmode=disable on a trusted network" : "\(psql.code)")
            return JournalError.serverUnreachable(url: url.redacted, detail: detail)
        default:
            let detail = message.isEmpty ? "\(psql.code)" : message + (state.map { " (SQLSTATE \($0))" } ?? "")
            return JournalError.database(path: url.redacted, detail: detail)
        }
    }

    /// The SQLSTATE of a server error, if it is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether the connection itself failed (as opposed to a statement the server refused). A
    /// server going down says so before it closes the socket: "terminating connection due to
    /// administrator command" (57P01), a crash (57P02), "the database system is shutting down"
    /// (57P03), or a connection exception (class 08). Those are losses too: the event goes to the
    /// outbox instead of failing.
    static func isConnectionLoss(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError else { return !(error is JournalError) }
        guard let state = psql.serverInfo?[.sqlState] else { return true }
        return serverGoingAway(state)
    }

    static func serverGoingAway(_ state: String) -> Bool {
        ["57P01", "57P02", "57P03"].contains(state) || state.hasPrefix("08")
    }
}
