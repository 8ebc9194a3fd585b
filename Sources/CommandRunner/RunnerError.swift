/// What can stop the board from starting a run (the run's own failures are its `.failed` state).
public enum RunnerError: Error, Equatable, Sendable, CustomStringConvertible {
    case outputFile(String, String)
    case pipe(String)
    /// The temporary file a `{file}` runner reads the code from.
    case codeFile(String, String)
    case alreadyRunning

    public var description: String {
        switch self {
        case .outputFile(let path, let why): "cannot write the output file \(path): \(why)"
        case .pipe(let why): "cannot create the output pipe: \(why)"
        case .codeFile(let path, let why): "cannot write the code file \(path): \(why)"
        case .alreadyRunning: "the run has already been started"
        }
    }
}
