/// Runs every structure extractor over the outline, in an order where later ones can use
/// what earlier ones found (procedures link to severities and skip lists read as checklists).
enum Extractors {
    static func run(_ outline: Section, context: ExtractionContext, into runbook: inout Runbook) {
        let severities = SeverityExtractor.extract(outline, context: context)
        runbook.severities = severities.levels
        let checklists = ChecklistExtractor.extract(outline, skipping: severities.definitionLines, context: context)
        runbook.checklists = checklists.checklists
        runbook.procedures = ProcedureExtractor.extract(
            outline, severities: severities,
            usedLists: checklists.usedListLines, context: context)
        for i in runbook.severities.indices where runbook.severities[i].procedure == nil {
            let id = runbook.severities[i].id
            runbook.severities[i].procedure = runbook.procedures.first { $0.severity == id }?.title
        }
        (runbook.metrics, runbook.queries) = MetricExtractor.extract(
            outline, severities: runbook.severities, context: context)
        runbook.escalation = EscalationExtractor.extract(outline, severities: runbook.severities)
        if runbook.escalation.isEmpty { runbook.escalation = ProseMentions.escalation(outline) }
        runbook.contacts = ContactExtractor.extract(outline)
        runbook.contacts += ProseMentions.contacts(outline, known: runbook.contacts)
        runbook.templates = TemplateExtractor.extract(outline)
    }
}
