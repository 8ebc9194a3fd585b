import Foundation
import IncidentKit
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to the journal server, used by one statement or transaction at a time and
/// reopened when it was lost. The journal's API is synchronous (like the SQLite engine, which
/// blocks on fsync), so calls block on postgres-nio's futures; those run on NIO's own event loop
/// threads, never on the Swift concurrency pool, so a caller on that pool cannot deadlock it.
final class PostgresSession: @unchecked Sendable {
    let url: PostgresStoreURL
    let logger: Logger
    // Guards `connection`, and makes each `withConnection` body exclusive (a transaction's statements
    // must not interleave with another caller's).
    private let lock = NSLock()
    private var connection: PostgresConnection?
    /// How many connections this session opened: who keeps state on one (advisory locks) can tell
    /// a new connection from the one it used (an object's address may be reused; this is not).
    private(set) var generation = 0

    init(url: PostgresStoreURL) {
        self.url = url
        var logger = Logger(label: "warroom.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        connection?.closeSoon()
    }

    /// Opens a new connection (the watcher's LISTEN connection uses its own).
    static func connect(_ url: PostgresStoreURL, logger: Logger) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(),
                configuration: url.connectionConfiguration(), id: 1,
                logger: logger
            ).wait()
        } catch {
            throw PostgresErrors.journalError(error, url: url)
        }
    }

    /// Runs `body` with the connection, alone. A lost connection is dropped, to be reopened next time.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let current: PostgresConnection
        if let connection, !connection.isClosed {
            current = connection
        } else {
            connection = nil
            current = try Self.connect(url, logger: logger)
            connection = current
            generation += 1
        }
        do {
            return try body(current)
        } catch {
            if current.isClosed || PostgresErrors.isConnectionLoss(error) {
                current.closeSoon()
                connection = nil
            }
            throw error
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.run("BEGIN", logger: logger)
            do {
                let result = try body(connection)
                try connection.run("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? connection.run("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// One statement, alone (autocommit: a statement is its own transaction).
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try withConnection { try $0.run(query, logger: logger) }
    }

    /// Errors as the journal reports them (see `PostgresErrors`).
    func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw PostgresErrors.journalError(error, url: url) }
    }
}

/// No answer from the server in time: treated as a lost connection.
struct StatementTimedOut: Error, CustomStringConvertible {
    var seconds: Int64
    var description: String { "no answer from the server in \(seconds) s" }
}

extension PostgresConnection {
    /// Runs one statement and waits for all its rows (the future-returning overload, not the async one).
    /// A server that vanished without closing the socket (seen with an immediate shutdown) can leave
    /// a query unanswered for ever: after `timeout` the connection is closed and the statement
    /// counts as not confirmed (the caller keeps the event in the outbox; its key makes a retry safe).
    @discardableResult
    func run(_ query: PostgresQuery, logger: Logger, timeout: TimeAmount = .seconds(15)) throws -> PostgresQueryResult {
        let result: EventLoopFuture<PostgresQueryResult> = self.query(query, logger: logger)
        let answered = eventLoop.makePromise(of: PostgresQueryResult.self)
        let deadline = eventLoop.scheduleTask(in: timeout) {
            answered.fail(StatementTimedOut(seconds: timeout.nanoseconds / 1_000_000_000))
        }
        result.whenComplete { _ in deadline.cancel() }
        result.cascade(to: answered)
        do {
            return try answered.futureResult.wait()
        } catch let error as StatementTimedOut {
            closeSoon()
            throw error
        }
    }

    /// Closes without waiting (the future-returning overload, not the async one). The callback
    /// keeps the connection alive until its channel is closed: postgres-nio asserts that a
    /// connection is closed before it is deinitialised.
    func closeSoon() {
        let closed: EventLoopFuture<Void> = close()
        closed.whenComplete { _ in withExtendedLifetime(self) {} }
    }
}
