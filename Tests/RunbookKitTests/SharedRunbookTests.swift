import Testing
@testable import RunbookKit

/// What the real runbooks in ../shared/runbooks must give (issue: foundation).
@Suite(.enabled(if: SharedRunbooks.available, "../shared/runbooks is absent"))
struct SharedRunbookTests {
    @Test func tableSeveritiesChecklistsMetricsAndRisk() throws {
        let runbook = try SharedRunbooks.runbook("000_")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [900, 3600, 14400])

        let incident = try #require(runbook.incidentChecklist)
        #expect(incident.kind == .incident)
        #expect(incident.items.count == 15)
        #expect(incident.phases.count == 5)
        #expect(runbook.checklists.filter { $0.kind == .maintenance }.count == 3)

        #expect(runbook.metrics.count == 5)
        for metric in runbook.metrics {
            #expect(metric.target != nil, "\(metric.name) has a target")
            #expect(metric.critical != nil, "\(metric.name) has a critical threshold")
        }
        let latency = try #require(runbook.metrics.first { $0.name.hasPrefix("API Latency") })
        #expect(latency.critical?.value == 500 && latency.critical?.unit == "ms")

        let flush = try #require(runbook.commands(containing: "redis-cli FLUSHDB").first)
        #expect(flush.risk == .destructive)
        let purge = try #require(runbook.commands(containing: "celery -A api purge -f").first)
        #expect(purge.risk == .destructive)
        let hpa = try #require(runbook.commands.first { $0.code.trimmed == "kubectl get hpa" })
        #expect(hpa.risk == .read)
    }

    @Test func bulletSeveritiesTimedStepsAlertLists() throws {
        let runbook = try SharedRunbooks.runbook("001_")
        #expect(runbook.severities.map(\.id) == ["P0", "P1", "P2", "P3"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [900, 1800, 7200, 86400])
        #expect(runbook.severities.allSatisfy { $0.escalation != nil })
        #expect(runbook.severities[0].escalation == "Immediate to CTO")

        let response = try #require(runbook.incidentChecklist)
        #expect(response.items.count == 8)
        let breach = try #require(runbook.checklists.first { $0.title.contains("Data Breach") })
        #expect(breach.items.map(\.deadlineSeconds) == [0, 900, 1800, 3600, 14400, 86400, 172800])

        let errors = try #require(runbook.metric("Error rate"))
        #expect(errors.warning?.op == .greater && errors.warning?.value == 1 && errors.warning?.unit == "%")
        #expect(errors.warning?.forSeconds == 600)
        #expect(errors.critical?.value == 5 && errors.critical?.forSeconds == 300)
        let p95 = try #require(runbook.metrics.first { $0.name.lowercased().hasPrefix("response time") })
        #expect(p95.warning?.value == 2 && p95.critical?.value == 5 && p95.critical?.unit == "s")
        let tokens = try #require(runbook.metric("Token usage"))
        #expect(tokens.warning?.value == 70 && tokens.critical?.value == 90)

        let rotation = runbook.commands.filter { $0.section.contains("Secret Rotation") }
        #expect(!rotation.isEmpty)
        #expect(rotation.allSatisfy { !$0.runnable }, "secret rotation steps are manual")

        #expect(runbook.sections.contains { $0.title == "🚨 Incident Response" })
        #expect(!runbook.sections.contains { $0.title.contains("üö") })
    }

    @Test func headingSeveritiesPhasesTemplateAlertBlocks() throws {
        let runbook = try SharedRunbooks.runbook("002_")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3", "SEV4"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [900, 3600, 14400, 86400])
        #expect(runbook.severities.map(\.name) == ["Critical", "High", "Medium", "Low"])

        let process = try #require(runbook.procedures.first { $0.title == "Incident Response Process" })
        let windows = process.steps.compactMap(\.window).map(\.endSeconds)
        #expect(Set(windows) == [900, 3600, 7200, 14400, 259200])

        let assessment = try #require(runbook.checklists.first { $0.title == "Initial Assessment Checklist" })
        #expect(assessment.items.count == 5)
        #expect(runbook.incidentChecklist?.title == "Initial Assessment Checklist")

        let template = try #require(runbook.templates.first { $0.kind == .postmortem })
        #expect(template.body.contains("## Root Cause"))

        let errors = try #require(runbook.metric("Error rate"))
        #expect(errors.critical?.op == .greater && errors.critical?.value == 5 && errors.critical?.unit == "%")
        let disk = try #require(runbook.metric("Disk space"))
        #expect(disk.critical?.op == .less && disk.critical?.value == 10 && disk.critical?.qualifier == "free")
        #expect(runbook.metric("Memory usage")?.warning?.value == 90)
        #expect(runbook.metric("Certificate expiry")?.critical?.value == 30)
    }

    @Test func everySharedRunbookReadsWithoutMojibakeLeft() throws {
        for path in try SharedRunbooks.all() {
            let runbook = try RunbookReader.read(file: path)
            let text = runbook.sections.map(\.title).joined() + runbook.commands.map(\.code).joined()
            for damaged in ["üö", "‚ö", "‚Ü", "ðŸ", "â†", "\u{F8FF}"] {
                #expect(!text.contains(damaged), "\(path) still contains \(damaged)")
            }
        }
    }
}
