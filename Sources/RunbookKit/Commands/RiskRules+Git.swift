/// Git: what rewrites or deletes history, branches or local changes, what changes the repository,
/// and what only reads.
extension RiskRule {
    static let gitRules: [RiskRule] = [
        RiskRule(
            .destructive, "git push --force", "rewrites remote history", programs: "git", path: "push",
            flags: "--force -f --force-with-lease"),
        RiskRule(
            .destructive, "git push --delete", "deletes or overwrites remote branches", programs: "git", path: "push",
            test: { inv in
                inv.lowerArgs.contains { ["--delete", "-d", "--mirror", "--prune"].contains($0) }
                    || inv.positionals(valueFlags: ["-o", "--push-option", "--repo"]).dropFirst(2).contains {
                        $0.hasPrefix("+") || $0.hasPrefix(":")
                    }
            }),
        RiskRule(
            .destructive, "git reflog expire", "drops the history that lets lost commits be recovered",
            programs: "git", path: "reflog expire|delete"),
        RiskRule(.destructive, "git stash clear", "drops stashed changes", programs: "git", path: "stash clear|drop"),
        RiskRule(
            .destructive, "git checkout -- PATH", "discards local changes to files", programs: "git",
            path: "checkout|restore",
            test: { inv in
                inv.args.contains("--") || inv.args.last == "." || inv.lowerArgs.contains("--worktree")
            }),
        RiskRule(
            .destructive, "git reset --hard", "discards local changes", programs: "git", path: "reset",
            flags: "--hard"),
        RiskRule(
            .destructive, "git clean", "deletes untracked files", programs: "git", path: "clean",
            flags: "-f --force -x -d"),
        RiskRule(
            .destructive, "git branch -D", "deletes a branch", programs: "git", path: "branch",
            flags: "-d -D --delete"),
        RiskRule(
            .change, "git write", "changes the working tree or repository", programs: "git",
            path:
                "checkout|switch|pull|merge|rebase|commit|push|revert|stash|tag|fetch|cherry-pick|reset|restore|am|"
                + "apply|clone|init|add|rm|mv"
        ),
        RiskRule(
            .read, "git read", "only reads", programs: "git",
            path: "status|log|diff|show|branch|remote|describe|rev-parse|blame|ls-files|shortlog|reflog")
    ]
}
