import Foundation
import Yams

/// Who may post alerts: anyone (on loopback), a bearer token, or a basic-auth user. Secrets may
/// come from the environment (`bearer_env`, `password_env`) to keep them out of the file.
public enum ReceiverAuth: Sendable, Equatable {
    case none
    case bearer(String)
    case basic(user: String, password: String)

    static func parse(_ node: Node, environment: [String: String]) -> Result<ReceiverAuth, ConfigProblem> {
        guard let map = node.mapping else {
            return .failure(ConfigProblem(message: "expected {bearer: …} or {basic: {user, password}}"))
        }
        func secret(_ map: Node.Mapping, _ key: String) -> Result<String?, ConfigProblem> {
            if let value = map[key]?.string { return .success(value) }
            if let name = map[key + "_env"]?.string {
                guard let value = environment[name], !value.isEmpty else {
                    return .failure(ConfigProblem(message: "\(key)_env: the environment variable \(name) is not set"))
                }
                return .success(value)
            }
            return .success(nil)
        }
        if map["bearer"] != nil || map["bearer_env"] != nil {
            switch secret(map, "bearer") {
            case .success(let token?) where !token.isEmpty: return .success(.bearer(token))
            case .failure(let problem): return .failure(problem)
            default: return .failure(ConfigProblem(message: "bearer: expected a token"))
            }
        }
        if let basic = map["basic"] {
            guard let inner = basic.mapping, let user = inner["user"]?.string, !user.isEmpty else {
                return .failure(
                    ConfigProblem(message: "basic: expected {user: NAME, password: … or password_env: VAR}"))
            }
            switch secret(inner, "password") {
            case .success(let password?) where !password.isEmpty:
                return .success(.basic(user: user, password: password))
            case .failure(let problem): return .failure(problem)
            default: return .failure(ConfigProblem(message: "basic: expected a password or password_env"))
            }
        }
        return .failure(ConfigProblem(message: "expected bearer, bearer_env or basic"))
    }

    /// Whether an `Authorization` header value lets the request in.
    public func allows(_ header: String?) -> Bool {
        switch self {
        case .none:
            return true
        case .bearer(let token):
            guard let header, header.lowercased().hasPrefix("bearer ") else { return false }
            return Self.same(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), token)
        case .basic(let user, let password):
            guard let header, header.lowercased().hasPrefix("basic "),
                let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let pair = String(data: data, encoding: .utf8)
            else { return false }
            return Self.same(pair, user + ":" + password)
        }
    }

    /// Compares every byte whatever differs first, so the time taken does not reveal a prefix.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
