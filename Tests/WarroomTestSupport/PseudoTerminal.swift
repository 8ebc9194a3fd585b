import Foundation
#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
    private let systemWrite = Darwin.write
#endif

/// A program run on a new pseudo-terminal (its controlling terminal, 120×40), with the
/// master side read non-blocking: what a terminal emulator would receive. Linux only (the
/// ptmx ioctls); `start` returns nil elsewhere.
/// Shared by the console tests and the console benchmark (both depend on WarroomTestSupport).
public final class PseudoTerminal {
    public let master: Int32
    public let pid: pid_t
    private(set) var exited = false

    private init(master: Int32, pid: pid_t) {
        self.master = master
        self.pid = pid
    }

    public static func start(
        _ program: String, _ arguments: [String], environment: [String: String] = [:],
        width: Int = 120, height: Int = 40
    ) -> PseudoTerminal? {
        #if os(Linux)
            let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            guard master >= 0 else { return nil }
            var unlock: Int32 = 0
            var number: UInt32 = 0
            // TIOCSPTLCK (unlock the slave) and TIOCGPTN (its number): not exported to Swift.
            guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
                close(master)
                return nil
            }
            var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(master, UInt(TIOCSWINSZ), &size)
            _ = fcntl(master, F_SETFL, O_NONBLOCK)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addclose(&actions, master)
            // Opened after setsid, the slave becomes the child's controlling terminal.
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/pts/\(number)", O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var empty = sigset_t()
            sigemptyset(&empty)
            var defaults = sigset_t()
            sigfillset(&defaults)
            posix_spawnattr_setsigmask(&attributes, &empty)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID (glibc ≥ 2.26)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))
            var env = ProcessInfo.processInfo.environment
            env["TERM"] = "xterm-256color"
            for (k, v) in environment { env[k] = v }
            let argv = ([program] + arguments).map { strdup($0) } + [nil]
            let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { (argv + envp).forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, program, &actions, &attributes, argv, envp) == 0 else {
                close(master)
                return nil
            }
            return PseudoTerminal(master: master, pid: pid)
        #else
            return nil
        #endif
    }

    /// Reads what is there, waiting up to `timeout` seconds for the first bytes.
    public func read(timeout: Double) -> [UInt8] {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            result += buffer[0..<n]
        }
        return result
    }

    /// Reads until `text` has appeared in the output (searched from `since`), or `timeout` passes;
    /// returns the seconds it took, nil on timeout.
    public func wait(for text: String, timeout: Double, output: inout [UInt8]) -> Double? {
        let needle = Array(text.utf8)
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            output += read(timeout: 0.05)
            if output.count >= needle.count,
                output.withUnsafeBufferPointer({ contains($0, needle) })
            {
                return Date().timeIntervalSince(start)
            }
            if hasExited() { return nil }
        }
        return nil
    }

    private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if (1..<needle.count).allSatisfy({ haystack[i + $0] == needle[$0] }) { return true }
        }
        return false
    }

    public func write(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { systemWrite(master, $0.baseAddress, $0.count) }
    }

    public func hasExited() -> Bool {
        if exited { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exited = true }
        return exited
    }

    /// Sends `quit` (if any), then SIGTERM after 3 s; reaps the child and closes the master.
    public func finish(quit: String? = "q") {
        if let quit { write(quit) }
        let start = Date()
        while !hasExited() {
            _ = read(timeout: 0.05)
            if Date().timeIntervalSince(start) > 3 { kill(pid, SIGTERM) }
            if Date().timeIntervalSince(start) > 5 { kill(pid, SIGKILL) }
        }
        close(master)
    }
}
