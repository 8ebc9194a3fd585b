/// How a walk-through (`warroom walk`: a deployment, maintenance or security checklist, not an
/// incident) is told apart in the journal: the reserved severity `WALK` and the title `Walk: LIST`.
public enum WalkRecord {
    public static let severity = "WALK"
    public static let titlePrefix = "Walk: "
}
