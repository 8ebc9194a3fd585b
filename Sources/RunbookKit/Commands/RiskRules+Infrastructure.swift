/// The rule table's lines for infrastructure tools and the cloud CLIs (`RiskRule.table` adds them
/// to the rest): one line per verdict, the worst matching line wins.
extension RiskRule {
    static let infrastructureRules: [RiskRule] = [
        // Infrastructure tools
        RiskRule(
            .destructive, "terraform destroy", "deletes the managed infrastructure",
            programs: "terraform tofu terragrunt", path: "destroy"),
        RiskRule(
            .destructive, "terraform state rm", "forgets managed resources", programs: "terraform tofu",
            path: "state rm"),
        RiskRule(
            .destructive, "terraform apply -destroy", "deletes the managed infrastructure",
            programs: "terraform tofu terragrunt", path: "apply|plan",
            test: { inv in inv.lowerArgs.contains("-destroy") && inv.positionals(valueFlags: []).first == "apply" }),
        RiskRule(
            .destructive, "terraform state push -force", "overwrites the state with an older one",
            programs: "terraform tofu", path: "state push", flags: "-force"),
        RiskRule(
            .change, "terraform state", "rewrites what the state records", programs: "terraform tofu",
            path: "state mv|push|replace-provider"),
        RiskRule(
            .change, "terraform apply", "changes infrastructure", programs: "terraform tofu terragrunt",
            path: "apply|import|taint|untaint|init|refresh"),
        RiskRule(
            .read, "terraform plan", "only reads", programs: "terraform tofu terragrunt",
            path: "plan|show|output|validate|version|state|graph|providers"),
        RiskRule(.destructive, "helm uninstall", "removes a release", programs: "helm", path: "uninstall|delete|del"),
        // `--set replicaCount=0`: like `kubectl scale --replicas=0`, an outage of its own.
        RiskRule(
            .destructive, "helm scale to zero", "sets the release's replicas to 0", programs: "helm",
            path: "install|upgrade",
            test: { inv in
                zip(inv.lowerArgs, inv.lowerArgs.dropFirst()).contains { flag, value in
                    flag.hasPrefix("--set")
                        && value.split(separator: ",").contains {
                            $0.hasSuffix("replicacount=0")
                                || $0.hasSuffix("replicas=0")
                        }
                }
            }),
        RiskRule(
            .change, "helm write", "changes a release", programs: "helm",
            path: "install|upgrade|rollback|repo|dependency"),
        RiskRule(
            .read, "helm read", "only reads", programs: "helm",
            path: "list|ls|status|history|get|template|show|search|version|lint|diff"),
        RiskRule(
            .destructive, "argocd delete", "deletes an application, project, cluster or repository",
            programs: "argocd", path: "app|proj|cluster|repo|account delete|rm|remove"),
        RiskRule(
            .change, "argocd app write", "syncs, rolls back or changes an application", programs: "argocd",
            path: "app sync|rollback|set|unset|patch|create|edit|terminate-op|actions|restart"),
        RiskRule(
            .read, "argocd read", "only reads", programs: "argocd",
            path: "app|proj|cluster|repo|account get|list|history|diff|logs|manifests|resources|wait"),
        RiskRule(.read, "argocd version", "only reads", programs: "argocd", path: "version|context"),
        RiskRule(.destructive, "aws s3 rm", "deletes objects", programs: "aws", path: "s3 rm|rb"),
        RiskRule(
            .destructive, "aws s3 sync --delete", "deletes objects missing from the source", programs: "aws",
            path: "s3 sync|mv", flags: "--delete"),
        RiskRule(
            .change, "aws s3 sync", "uploads or copies objects", programs: "aws", path: "s3 sync|cp|mv|mb|presign"),
        RiskRule(.read, "aws s3 ls", "only reads", programs: "aws", path: "s3 ls"),
        // Like `kubectl scale --replicas=0`: a group sized to nothing is an outage of its own.
        RiskRule(
            .destructive, "cloud scale to zero", "removes every instance or node of the group",
            programs: CloudVerbs.programs, test: CloudVerbs.scalesToZero),
        RiskRule(
            .destructive, "cloud CLI delete", "deletes or wipes cloud resources", programs: CloudVerbs.programs,
            test: { inv in
                CloudVerbs.verb(inv)?.kind == .destroy
            }),
        RiskRule(
            .change, "cloud CLI write", "creates, changes or restarts cloud resources", programs: CloudVerbs.programs,
            test: { inv in CloudVerbs.verb(inv)?.kind == .change }),
        RiskRule(
            .read, "cloud CLI describe", "only lists or describes", programs: CloudVerbs.programs,
            test: { inv in
                CloudVerbs.verb(inv)?.kind == .read || inv.lowerArgs.contains("sts")
            }),
        // Configuration management
        // knife: `knife search …`, `knife node show …` (the verb is the first or second word)
        RiskRule(.destructive, "knife delete", "deletes Chef objects", programs: "knife", words: "delete"),
        RiskRule(
            .read, "knife read", "only searches or shows nodes and roles", programs: "knife",
            test: { inv in
                let words = inv.positionals(valueFlags: []).prefix(2)
                return words.contains { ["search", "status", "list", "show", "ls"].contains($0) }
                    && !words.contains("delete")
            }),
        RiskRule(
            .change, "knife write", "changes Chef objects or runs on nodes", programs: "knife",
            test: { inv in
                let words = inv.positionals(valueFlags: []).prefix(2)
                return !words.contains { ["search", "status", "list", "show", "ls"].contains($0) }
            })
    ]
}
