import Foundation
import RunbookKit
import Testing
@testable import AlertIntake

@Suite("Alert → runbook and severity")
struct RunbookMatchingTests {
    @Test("runbook_url: the URL path's last component, .md optional, and the anchor's section")
    func runbookURL() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let catalog = RunbookCatalog(folder: fixture.runbooksPath)
        for url in [
            "https://example.invalid/runbooks/payments.md#high-error-rate",
            "https://wiki.invalid/ops/payments#high-error-rate", "payments.md#High-Error-Rate"
        ] {
            let match = try #require(catalog.match(annotations: ["runbook_url": url], alertname: "Whatever"), "\(url)")
            #expect(match.path.hasSuffix("/runbooks/payments.md"))
            #expect(match.section == "High error rate", "\(url)")
        }
        let older = catalog.match(
            annotations: ["runbook": "https://x.invalid/k8s/catalogue.md#disk-almost-full"],
            alertname: nil)
        #expect(older?.path.hasSuffix("/k8s/catalogue.md") == true)
        #expect(older?.section == "Disk Almost Full")
    }

    @Test("without a runbook_url the alertname matches a section title (CamelCase, case and spaces ignored)")
    func alertname() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let catalog = RunbookCatalog(folder: fixture.runbooksPath)
        #expect(catalog.match(annotations: [:], alertname: "KubePodCrashLooping")?.section == "KubePodCrashLooping")
        #expect(catalog.match(annotations: [:], alertname: "DiskAlmostFull")?.section == "Disk Almost Full")
        #expect(catalog.match(annotations: [:], alertname: "HighErrorRate")?.path.hasSuffix("payments.md") == true)
        #expect(catalog.match(annotations: [:], alertname: "SomethingElse") == nil)
        // A URL to no local file falls back to the alertname.
        let fallback = catalog.match(
            annotations: ["runbook_url": "https://x.invalid/unknown.md"], alertname: "DiskAlmostFull")
        #expect(fallback?.section == "Disk Almost Full")
    }

    @Test("severity: the configured mapping, else the runbook's levels by rank, else SEV1/SEV2/SEV3")
    func severity() throws {
        let fixture = try AlertFixture()
        defer { fixture.remove() }
        let runbook = try RunbookReader.read(file: fixture.runbooksPath + "/payments.md")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3"])
        #expect(SeverityMapping.severity(label: "critical", configured: [:], runbook: runbook) == "SEV1")
        #expect(SeverityMapping.severity(label: "warning", configured: [:], runbook: runbook) == "SEV2")
        #expect(SeverityMapping.severity(label: "info", configured: [:], runbook: runbook) == "SEV3")
        #expect(
            SeverityMapping.severity(label: "Critical", configured: ["critical": "sev2"], runbook: runbook) == "SEV2")
        // A configured level the runbook does not have gives way to the runbook's ranking.
        #expect(SeverityMapping.severity(label: "critical", configured: ["critical": "P0"], runbook: runbook) == "SEV1")
        #expect(SeverityMapping.severity(label: "warning", configured: [:], runbook: nil) == "SEV2")
        #expect(SeverityMapping.severity(label: nil, configured: [:], runbook: nil) == "SEV3")
    }
}
