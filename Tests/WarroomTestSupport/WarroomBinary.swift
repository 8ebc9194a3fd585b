import Foundation

/// The `warroom` executable built beside the test bundle (`swift build --build-tests` builds both).
public enum WarroomBinary {
    public static var url: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "warroom"),
            Bundle.main.bundleURL.appendingPathComponent("warroom"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("warroom"),
            packageRoot.appendingPathComponent(".build/debug/warroom")
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs warroom to completion; returns exit status, stdout, stderr.
    /// - Parameters:
    ///   - environment: the whole environment of the child (default: this process's).
    ///   - directory: the child's working directory (default: this process's).
    @discardableResult
    public static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
        directory: URL? = nil, executable: URL? = nil
    ) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}
