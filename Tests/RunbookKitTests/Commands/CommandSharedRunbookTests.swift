import Foundation
import Testing
@testable import RunbookKit

/// Checks on the real runbooks in /work/shared/runbooks; skipped (with a notice) when absent.
@Suite("Shared runbooks", .enabled(if: SharedRunbooks.available, "../shared/runbooks is absent"))
struct CommandSharedRunbookTests {
    func commands(_ prefix: String) throws -> [RunbookCommand] {
        let path = try #require(
            CommandTestRunbooks.file(prefix: prefix), "no \(prefix)*.md in \(CommandTestRunbooks.directory.path)")
        return try RunbookReader.read(file: path).commands
    }

    @Test func productionRunbookRisks() throws {
        let commands = try commands("000_")
        func find(_ code: String) -> RunbookCommand? { commands.first { $0.code == code } }
        #expect(find("redis-cli FLUSHDB")?.risk == .destructive)
        #expect(find("celery -A api purge -f")?.risk == .destructive)
        #expect(find("kubectl get hpa")?.risk == .read)
        #expect(find("kubectl scale deployment/api --replicas=10")?.risk == .change)
        #expect(find("kubectl set image deployment/api api=forms/api:$VERSION")?.placeholders == ["VERSION"])
        #expect(find("redis-cli --scan --pattern \"form:*\" | xargs redis-cli DEL")?.risk == .destructive)
        #expect(find("psql $POSTGRES_URL < backup_20240315_143022.sql")?.risk == .destructive)
        #expect(find("kubectl edit deployment/api\n# Change resources.limits.memory and cpu")?.interactive == true)
        #expect(find("SELECT count(*) FROM pg_stat_activity;")?.language == "sql")
        let flush = try #require(find("redis-cli FLUSHDB"))
        #expect(flush.title == "Emergency flush (CAREFUL!)")
        #expect(flush.riskReason.hasPrefix("destructive: redis FLUSHDB"))
    }

    @Test func secretRotationIsManual() throws {
        let commands = try commands("001_")
        let rotation = commands.filter { $0.section.contains("Secret Rotation") }
        #expect(rotation.count == 3)
        #expect(rotation.allSatisfy { !$0.runnable && $0.language == "manual" })
        #expect(!commands.contains { $0.runnable && $0.code.contains("Generate new key") })
        #expect(commands.first { $0.code == "npm run db:migrate" }?.risk == .change)
        #expect(commands.first { $0.code == "npm run health:check" }?.risk == .read)
    }

    @Test func incidentRunbook() throws {
        let commands = try commands("002_")
        #expect(!commands.isEmpty)
        let script = commands.first { $0.code.hasPrefix("#!/bin/bash") }
        #expect(script?.title == "Daily health check script")
        #expect(
            commands.contains {
                $0.code.hasPrefix("docker-compose exec db psql") && $0.code.hasSuffix("\"") && $0.risk == .read
            })
        #expect(commands.first { $0.code.contains("-delete") }?.risk == .destructive)
        #expect(commands.first { $0.code.contains("dropdb") }?.risk == .destructive)
        #expect(!commands.contains { $0.code.contains("Application down") })
    }

    @Test func everyRunbookExtractsQuickly() throws {
        guard CommandTestRunbooks.available else {
            print("SKIP: shared runbooks absent")
            return
        }
        let dir = CommandTestRunbooks.directory.path
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".md") {
            let runbook = try RunbookReader.read(file: dir + "/" + name)
            for command in runbook.commands {
                #expect(!command.code.isEmpty)
                #expect(!command.riskReason.isEmpty)
            }
        }
    }
}
