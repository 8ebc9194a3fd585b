/// Runs every structure extractor over the outline, in an order where later ones can use
/// what earlier ones found (procedures link to severities and skip lists read as checklists).
///
/// Two phases of two independent halves, run at once on large runbooks (`SideBySide`); the
/// halves are of about equal work on the benchmark's runbooks:
/// 1. severities, escalation and the contacts of tables and lists | commands
/// 2. metrics (the text's, then the commands' PromQL and shell checks) | checklists and procedures
///    (they point at commands and skip the lists that defined severities), contacts named in
///    prose, templates (they need nothing: on the side with room)
enum Extractors {
    static func run(_ outline: Section, context: ExtractionContext, together: Bool, into runbook: inout Runbook) {
        let (people, _) = SideBySide.run(together: together) {
            // Its own context (severity ids, warnings): it runs beside the command collector.
            let own = ExtractionContext()
            let severities = SeverityExtractor.extract(outline, context: own)
            var escalation = EscalationExtractor.extract(outline, severities: severities.levels)
            if escalation.isEmpty { escalation = ProseMentions.escalation(outline) }
            return (severities, escalation, ContactExtractor.extract(outline), own.warnings)
        } _: {
            CommandCollector.collect(outline, into: context)
        }
        let (severities, escalation, listedContacts, severityWarnings) = people
        context.warnings += severityWarnings
        let commands = context.commands
        let (metrics, (checklists, procedures, proseContacts, templates)) = SideBySide.run(together: together) {
            MetricExtractor.extract(outline, commands: commands)
        } _: {
            let checklists = ChecklistExtractor.extract(outline, skipping: severities.definitionLines, context: context)
            let procedures = ProcedureExtractor.extract(
                outline, severities: severities, usedLists: checklists.usedListLines, context: context)
            return (
                checklists, procedures, ProseMentions.contacts(outline, known: listedContacts),
                TemplateExtractor.extract(outline)
            )
        }
        runbook.commands = commands
        runbook.codeBlocks = context.codeBlocks
        runbook.severities = severities.levels
        runbook.checklists = checklists.checklists
        runbook.procedures = procedures
        for i in runbook.severities.indices where runbook.severities[i].procedure == nil {
            let id = runbook.severities[i].id
            runbook.severities[i].procedure = runbook.procedures.first { $0.severity == id }?.title
        }
        (runbook.metrics, runbook.queries) = metrics
        runbook.escalation = escalation
        runbook.contacts = listedContacts + proseContacts
        runbook.templates = templates
    }
}
