import Dispatch
import Foundation
import IncidentKit

/// Work started on another thread, waited for where its value is needed: reading the runbooks
/// while the config is parsed, opening the journal while the runbooks are read. Each overlaps the
/// other instead of delaying the console's first frame by its own time.
final class Alongside<Value>: @unchecked Sendable { // @unchecked: `result` is written once before `done` signals
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the value; the work's error is thrown here.
    func wait() throws -> Value {
        done.wait()
        done.signal() // a second wait returns too
        return try result!.get()
    }

    /// Runs `body` meanwhile. When both fail, this work's error is the one told: a store that
    /// cannot be opened matters before a runbook that cannot be read.
    func alongside<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            _ = try wait()
            throw error
        }
    }
}

extension StoreOptions {
    /// Starts opening the journal (a new store's schema and fsyncs, or a server's connection).
    func openingJournal(redacting configured: [String]) -> Alongside<any Journal> {
        let options = self
        return Alongside { try options.journal(redacting: configured) }
    }
}
