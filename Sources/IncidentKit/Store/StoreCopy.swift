import Foundation

/// `warroom store copy FROM TO`: incidents, their events (original times, authors, payloads, in
/// order) and their command output files, from one store to another (SQLite or PostgreSQL, either
/// way), each checked afterwards by reading the target back and comparing hashes.
public enum StoreCopy {
    public struct Outcome: Sendable, Equatable {
        public var incident: String
        public var events: Int
        public var outputFiles: Int
        public var sourceHash: String
        public var targetHash: String
        /// The target already held the same incident: nothing was written.
        public var alreadyThere: Bool

        /// `copied INC-… : 412 events, 3 output files, sha256 ab12… = ab12…`
        public var line: String {
            let verb = alreadyThere ? "already there, identical:" : "copied"
            return "\(verb) \(incident) : \(events) events, \(outputFiles) output files, "
                + "sha256 \(sourceHash.prefix(12))… = \(targetHash.prefix(12))…"
        }
    }

    /// Copies `incident` (else every incident, oldest first); `progress` hears each one as it is done.
    /// Stops at the first incident that cannot be copied: one the target holds with other content,
    /// or a copy that does not read back the same.
    @discardableResult
    public static func copy(
        from source: any Journal, to target: any Journal, incident: String? = nil,
        progress: (Outcome) -> Void = { _ in }
    ) throws -> [Outcome] {
        if source.storeDescription == target.storeDescription {
            throw StoreCopyError.sameStore(source.storeDescription)
        }
        let ids =
            try incident.map { [try source.incident($0).id] }
            ?? source.incidents(includeResolved: true).reversed().map(\.id)
        var outcomes: [Outcome] = []
        for id in ids {
            let outcome = try copyOne(id, from: source, to: target)
            progress(outcome)
            outcomes.append(outcome)
        }
        return outcomes
    }

    static func copyOne(_ id: String, from source: any Journal, to target: any Journal) throws -> Outcome {
        let content = try IncidentContent.read(id, from: source)
        var alreadyThere = false
        if let existing = try existingContent(id, in: target) {
            guard existing.eventsHash == content.eventsHash else {
                throw StoreCopyError.conflict(
                    id: id, store: target.storeDescription,
                    source: content.eventsHash, target: existing.eventsHash)
            }
            if existing.outputsHash == content.outputsHash {
                alreadyThere = true
            } else {
                // Same events, output files missing or different (a copy interrupted after its events).
                let ids = Dictionary(uniqueKeysWithValues: zip(content.events.map(\.id), existing.events.map(\.id)))
                try writeOutputs(content, ids: ids, into: target)
            }
        } else {
            let ids = try target.importIncident(content.incident, events: content.events) { event, ids in
                Relink.payload(of: event, ids: ids)
            }
            try writeOutputs(content, ids: ids, into: target)
        }
        let copied = try IncidentContent.read(id, from: target)
        guard copied.hash == content.hash, copied.events.count == content.events.count,
            copied.outputs.count == content.outputs.count
        else {
            throw StoreCopyError.mismatch(
                id: id, store: target.storeDescription, source: content.hash, target: copied.hash)
        }
        return Outcome(
            incident: content.incident.id, events: content.events.count, outputFiles: content.outputs.count,
            sourceHash: content.hash, targetHash: copied.hash, alreadyThere: alreadyThere)
    }

    /// The target's copy of incident `id`, nil when it has none (other errors are errors).
    static func existingContent(_ id: String, in target: any Journal) throws -> IncidentContent? {
        do {
            return try IncidentContent.read(id, from: target)
        } catch let error as JournalError {
            if case .unknownIncident = error { return nil }
            throw error
        }
    }

    /// Writes the output files into the target's `outputs/<incident>/`, named after the target's event ids.
    static func writeOutputs(_ content: IncidentContent, ids: [Int64: Int64], into target: any Journal) throws {
        guard !content.outputs.isEmpty else { return }
        let folder = target.location.outputsURL.appendingPathComponent(content.incident.id)
        try PrivateFiles.makeDirectory(target.location.outputsURL)
        try PrivateFiles.makeDirectory(folder)
        for (name, data) in content.outputs {
            try PrivateFiles.write(data, to: folder.appendingPathComponent(Relink.fileName(name, ids: ids)))
        }
    }
}

/// Why `warroom store copy` stopped; each names the incident and the store.
public enum StoreCopyError: Error, Equatable, CustomStringConvertible {
    /// The import found the id taken (a writer opened it meanwhile).
    case incidentExists(id: String, store: String)
    /// The target holds the incident with other events: it is not overwritten.
    case conflict(id: String, store: String, source: String, target: String)
    /// The copy does not read back as the original.
    case mismatch(id: String, store: String, source: String, target: String)
    case sameStore(String)
    case unreadableOutput(path: String, detail: String)

    public var description: String {
        switch self {
        case .incidentExists(let id, let store):
            return "\(store) already has an incident \(id); nothing was written."
        case .conflict(let id, let store, let source, let target):
            return "\(store) already has \(id) with other content (sha256 \(source.prefix(12))… here, "
                + "\(target.prefix(12))… there); it was not overwritten. Remove it there or copy another incident."
        case .mismatch(let id, let store, let source, let target):
            return "the copy of \(id) in \(store) does not match the original (sha256 \(source.prefix(12))… ≠ "
                + "\(target.prefix(12))…)."
        case .sameStore(let store):
            return "FROM and TO are the same store (\(store))."
        case .unreadableOutput(let path, let detail):
            return "cannot read the output file \(path): \(detail)"
        }
    }
}
