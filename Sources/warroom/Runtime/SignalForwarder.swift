import Foundation

/// Takes over signals (e.g. Ctrl-C's SIGINT) while a run goes on: the process no longer dies from
/// them, `handler` is called instead, on a queue of its own. `stop()` restores the defaults.
final class SignalForwarder: @unchecked Sendable {
    // @unchecked: `sources` is set in init and only cancelled afterwards.
    private let sources: [DispatchSourceSignal]
    private let signals: [Int32]

    init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        let queue = DispatchQueue(label: "warroom.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
