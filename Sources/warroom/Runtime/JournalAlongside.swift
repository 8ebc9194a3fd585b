import Dispatch
import Foundation
import IncidentKit

extension StoreOptions {
    /// Opens the journal on another thread while `body` runs (reading the runbooks): creating a new
    /// store (its schema, a few fsyncs) or reaching a server then overlaps the reading instead of
    /// delaying the console's first frame by its own time. Errors are the journal's, else `body`'s.
    func journal<T>(
        redacting configured: [String], alongside body: () throws -> T
    ) throws -> (journal: any Journal, value: T) {
        let opened = OpenedJournal()
        let options = self
        DispatchQueue.global(qos: .userInitiated).async {
            opened.finish(Result { try options.journal(redacting: configured) })
        }
        let value = Result { try body() }
        return (try opened.wait().get(), try value.get())
    }
}

/// The journal another thread opens, handed over once.
private final class OpenedJournal: @unchecked Sendable { // @unchecked: `result` is written once before `done` signals
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<any Journal, any Error>?

    func finish(_ result: Result<any Journal, any Error>) {
        self.result = result
        done.signal()
    }

    func wait() -> Result<any Journal, any Error> {
        done.wait()
        return result!
    }
}
