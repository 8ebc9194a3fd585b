import Foundation
import IncidentKit
import PostgresJournal

extension StoreOptions {
    /// Opens the journal on a server. When the server wants a password that neither the URL,
    /// `PGPASSWORD` nor `~/.pgpass` gave, and standard input is a terminal, asks for it once
    /// (`PasswordPrompt`); otherwise the error names the URL without a password and the sources.
    func openServer(_ url: PostgresStoreURL, location: StoreLocation, redactor: Redactor) throws -> PostgresJournal {
        do {
            return try PostgresJournal(url: url, location: location, redactor: redactor)
        } catch let error as JournalError {
            guard case .authenticationFailed = error, url.password == nil,
                let typed = PasswordPrompt.ask("Password for \(url.redacted): ")
            else { throw error }
            var asked = url
            asked.password = typed
            return try PostgresJournal(url: asked, location: location, redactor: redactor)
        }
    }
}
