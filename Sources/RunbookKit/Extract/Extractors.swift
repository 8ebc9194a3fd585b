/// Runs every structure extractor over the outline, in an order where later ones can use
/// what earlier ones found (procedures link to severities, metrics to commands).
enum Extractors {
    static func run(_ outline: Section, context: ExtractionContext, into runbook: inout Runbook) {
    }
}
