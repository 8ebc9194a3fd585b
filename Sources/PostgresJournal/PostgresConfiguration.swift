import NIOSSL
import PostgresNIO

extension PostgresStoreURL {
    /// The postgres-nio connection settings for this address (TLS per `sslmode`).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable:
            tls = .disable
        case .prefer, .require:
            var config = TLSConfiguration.makeClientConfiguration()
            // libpq's `require`: encrypted, the certificate not checked (that is `verify-full`).
            config.certificateVerification = .none
            let context = try NIOSSLContext(configuration: config)
            tls = sslMode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        if sslMode == .verifyFull { configuration.options.tlsServerName = host }
        return configuration
    }
}
