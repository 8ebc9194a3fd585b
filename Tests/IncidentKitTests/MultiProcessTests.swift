import Foundation
import Testing
@testable import IncidentKit

/// Real `warroom` processes writing one store at once. Serialized: they load both cores.
@Suite("Several processes", .serialized, .enabled(if: WarroomBinary.url != nil, "warroom binary not built"))
struct MultiProcessTests {
    let store = TempStore()

    func openIncident() throws -> String {
        try SQLiteJournal(location: store.location).openIncident(title: "stress", severity: "SEV2", author: "test").id
    }

    func writer(_ id: String, count: Int, prefix: String, store: TempStore? = nil) throws -> (Process, Pipe) {
        let store = store ?? self.store
        let process = Process()
        process.executableURL = WarroomBinary.url
        process.arguments = [
            "debug", "append", "--store", store.directory.path, "--incident", id,
            "--count", String(count), "--prefix", prefix, "--as", prefix
        ]
        var env = ProcessInfo.processInfo.environment
        env["WARROOM_BUSY_TIMEOUT"] = "30"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    @Test func twoWritersAppendTenThousandEventsWithoutLossOrDuplicates() throws {
        // Locking, ordering and loss are the point here; on tmpfs the run does not depend on how
        // busy the shared disk is. Durability on disk is the SIGKILL test's.
        let memoryStore = TempStore(inMemoryFileSystem: true)
        let store = memoryStore
        let id = try SQLiteJournal(location: store.location).openIncident(
            title: "stress", severity: "SEV2", author: "test"
        ).id
        let (a, outA) = try writer(id, count: 5000, prefix: "A", store: store)
        let (b, outB) = try writer(id, count: 5000, prefix: "B", store: store)
        let printedA = outA.fileHandleForReading.readDataToEndOfFile()
        let printedB = outB.fileHandleForReading.readDataToEndOfFile()
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)

        let notes = try SQLiteJournal(location: store.location).events(incident: id, kinds: [.note])
        #expect(notes.count == 10_000)
        let ids = notes.map(\.id)
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(ids).count == 10_000)
        // Each writer's notes are all there, once each, in its own order.
        for prefix in ["A", "B"] {
            let texts = notes.filter { $0.author == prefix }.compactMap { $0.payload(as: NotePayload.self)?.text }
            #expect(texts == (0..<5000).map { "\(prefix) \($0)" })
        }
        // The ids the writers saw returned are exactly the stored ones.
        let returned = (String(decoding: printedA, as: UTF8.self) + String(decoding: printedB, as: UTF8.self))
            .split(separator: "\n").compactMap { Int64($0) }
        #expect(Set(returned) == Set(ids))
    }

    @Test func sigkillLosesNoReturnedAppend() throws {
        let id = try openIncident()
        let (process, out) = try writer(id, count: 1_000_000, prefix: "K")
        let handle = out.fileHandleForReading
        var printed = Data()
        while printed.split(separator: UInt8(ascii: "\n")).count < 800 {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        printed.append(handle.readDataToEndOfFile())
        #expect(process.terminationReason == .uncaughtSignal)

        // Only complete lines: a line cut by the kill was not fully reported.
        var text = String(decoding: printed, as: UTF8.self)
        if !text.hasSuffix("\n"), let cut = text.lastIndex(of: "\n") { text = String(text[...cut]) }
        let returned = text.split(separator: "\n").compactMap { Int64($0) }
        #expect(returned.count >= 800)

        let journal = try SQLiteJournal(location: store.location)
        let stored = Set(try journal.events(incident: id).map(\.id))
        #expect(Set(returned).isSubset(of: stored))
        let check = try journal.queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
        // And the store takes new events.
        #expect(try journal.append(NotePayload(text: "after"), to: id, author: "t").id > returned.max()!)
    }

    @Test func watchSeesANoteFromAnotherProcessWithinASecond() async throws {
        let id = try openIncident()
        let journal = try SQLiteJournal(location: store.location)
        var iterator = journal.watch(incident: id, after: 1).makeAsyncIterator()
        let result = try WarroomBinary.run(["note", "--store", store.directory.path, "--incident", id, "from", "cli"])
        #expect(result.status == 0)
        let written = ContinuousClock.now
        let event = try await iterator.next()
        #expect(ContinuousClock.now - written < .seconds(1))
        #expect(event?.payload(as: NotePayload.self)?.text == "from cli")
    }
}
