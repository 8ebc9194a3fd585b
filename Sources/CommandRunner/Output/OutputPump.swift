import Foundation
import IncidentKit

/// Reads a run's output pipe on its own thread, in blocks of up to 1 MB (whatever is ready is
/// read before a block is processed), and hands each block through the sanitizer to the ring, the
/// output file and the run. A dedicated thread with blocking reads is what keeps up with a
/// command writing hundreds of MB/s.
final class OutputPump: @unchecked Sendable {
    // @unchecked: `sanitizer` and `file` are used by the pump thread only; `stopRequested` is
    // under `lock`; `ended` is a semaphore.
    private let fd: Int32
    private var sanitizer: OutputSanitizer
    private let ring: OutputRing
    private let file: RedactedOutputFile?
    private let observer: (@Sendable (SanitizedBatch) -> Void)?
    /// Given every block exactly as read, before sanitizing (`warroom exec` into a pipe).
    private let raw: (@Sendable (UnsafeRawBufferPointer) -> Void)?
    private let onOutput: @Sendable (_ bytes: Int) -> Void
    /// The run's secret values, masked in the lines kept for the screen (nil: none).
    private let screen: (redactor: Redactor, scanner: TriggerScanner)?
    private let lock = NSLock()
    private var stopRequested = false
    private let ended = DispatchSemaphore(value: 0)
    static let blockSize = 1 << 20

    init(
        fd: Int32, lineCap: Int, ring: OutputRing, file: RedactedOutputFile?,
        observer: (@Sendable (SanitizedBatch) -> Void)?, raw: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil,
        secrets: [String] = [], onOutput: @escaping @Sendable (Int) -> Void
    ) {
        let screenRedactor = Redactor.literals(secrets)
        screen = screenRedactor.patterns.isEmpty ? nil : (screenRedactor, TriggerScanner(screenRedactor))
        self.observer = observer
        self.raw = raw
        self.fd = fd
        self.sanitizer = OutputSanitizer(lineCap: lineCap)
        self.ring = ring
        self.file = file
        self.onOutput = onOutput
    }

    func start() {
        let thread = Thread { [self] in pump() }
        thread.name = "warroom output pump"
        thread.start()
    }

    /// Waits until the pipe reached its end; after `timeout` seconds, stops reading (a process
    /// left in the background still holds the pipe) and waits for the thread to finish.
    func finish(timeout: Double) {
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            lock.withLock { stopRequested = true }
            ended.wait()
        }
        ended.signal() // later callers return at once
    }

    /// Output problems writing the file, if any.
    var fileFailure: String? { file?.failed }

    private var shouldStop: Bool { lock.withLock { stopRequested } }

    private func pump() {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        var atEnd = false
        while !atEnd {
            if filled == 0, shouldStop { break }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let waitMs: Int32 = filled > 0 ? 0 : 100
            let polled = poll(&ready, 1, waitMs)
            if polled < 0, errno == EINTR { continue }
            if polled == 0 {
                if filled > 0 { process(buffer, filled); filled = 0 }
                continue
            }
            let n = read(fd, buffer + filled, Self.blockSize - filled)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                atEnd = true
            } else if n == 0 {
                atEnd = true
            } else {
                filled += n
            }
            if filled == Self.blockSize || (atEnd && filled > 0) { process(buffer, filled); filled = 0 }
        }
        if filled > 0 { process(buffer, filled) }
        sanitizer.finish()
        deliver(bytes: 0)
        file?.sync()
        close(fd)
        ended.signal()
    }

    private func process(_ buffer: UnsafeMutableRawPointer, _ count: Int) {
        raw?(UnsafeRawBufferPointer(start: buffer, count: count))
        sanitizer.feed(UnsafeRawBufferPointer(start: buffer, count: count))
        deliver(bytes: count)
    }

    private func deliver(bytes: Int) {
        sanitizer.consumeBatch { batch in
            ring.append(screen.map { batch.masking($0.redactor, scanner: $0.scanner) } ?? batch)
            file?.write(batch)
            observer?(batch)
        }
        onOutput(bytes)
    }
}
