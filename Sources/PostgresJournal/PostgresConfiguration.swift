import Foundation
import IncidentKit
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
            // The host name is checked by postgres-nio's default: the name in the URL (an IP
            // address is matched against the certificate's IP entries instead).
            tls = .require(try verifyingContext())
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// Full verification against `sslrootcert` when given, else the system's trusted roots.
    func verifyingContext() throws -> NIOSSLContext {
        var config = TLSConfiguration.makeClientConfiguration()
        guard let rootCertificate else { return try NIOSSLContext(configuration: config) }
        guard FileManager.default.isReadableFile(atPath: rootCertificate) else {
            throw JournalError.database(path: rootCertificate, detail: "cannot read this sslrootcert file")
        }
        do {
            config.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootCertificate))
            return try NIOSSLContext(configuration: config)
        } catch {
            throw JournalError.database(path: rootCertificate, detail: "not a PEM certificate (sslrootcert): \(error)")
        }
    }
}
