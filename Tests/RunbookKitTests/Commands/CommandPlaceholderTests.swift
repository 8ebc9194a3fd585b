import Testing
@testable import RunbookKit

@Suite("Placeholders")
struct CommandPlaceholderTests {
    func find(_ code: String, _ language: String = "bash") -> [String] {
        Placeholders.find(in: code, language: language)
    }

    @Test func dollarVariables() {
        #expect(find("kubectl set image deployment/api api=forms/api:$VERSION") == ["VERSION"])
        #expect(find("aws cloudfront create-invalidation --distribution-id ${DIST_ID} --paths \"/*\"") == ["DIST_ID"])
        #expect(find("echo $A $B $A ${B}") == ["A", "B"])
        #expect(find("echo \"$HOST_NAME\"") == ["HOST_NAME"])
    }

    @Test func notPlaceholders() {
        #expect(find("echo $1 $? $@ $$ $! $# $*").isEmpty)
        #expect(find("echo $HOME $PATH $PWD $USER $SHELL $RANDOM $HOSTNAME").isEmpty)
        #expect(find("echo $(date +%s) $((1 + 2))").isEmpty)
        #expect(find("awk '{print $5}' | sed 's/$X//'").isEmpty)
        #expect(find("X=1; echo $X").isEmpty)
        #expect(find("export TOKEN=abc && curl -H \"Bearer $TOKEN\" x").isEmpty)
        #expect(find("for POD in a b; do kubectl delete pod $POD; done").isEmpty)
        #expect(find("read -p 'Name: ' NAME; echo $NAME").isEmpty)
        #expect(find("DISK_USAGE=$(df /)\nif [ \"$DISK_USAGE\" -gt 90 ]; then echo ${DISK_USAGE}%; fi").isEmpty)
        #expect(find("echo ${NAME:-default}").isEmpty)
        #expect(find("# set $THING first\necho ok").isEmpty)
        // curl's write-out variables and Ruby's interpolation are not blanks to fill.
        #expect(find("curl -sS -o /dev/null -w '%{http_code}' https://acquirer.example.net/health").isEmpty)
        #expect(find("ruby -e 'puts \"#{name}\"'").isEmpty)
        #expect(find("psql -c 'DROP TABLE {table_name}'") == ["table_name"])
    }

    @Test func assignedLaterStillCounts() {
        #expect(find("echo $X; X=1") == ["X"])
    }

    @Test func angleBrackets() {
        #expect(find("kubectl logs <pod-name> -n <namespace>") == ["pod-name", "namespace"])
        #expect(find("git revert <commit-hash>") == ["commit-hash"])
        #expect(find("psql app < backup.sql").isEmpty)
        #expect(find("cat <<EOF\nx\nEOF").isEmpty)
        #expect(find("echo '<div>x</div>'").isEmpty)
        #expect(find("SELECT * FROM t WHERE a < b AND c > d", "sql").isEmpty)
    }

    @Test func capsTokens() {
        #expect(find("curl -H 'Routing: YOUR_ROUTING_KEY' x") == ["YOUR_ROUTING_KEY"])
        #expect(find("./restore-backup.sh LATEST_BACKUP") == ["LATEST_BACKUP"])
        #expect(find("npm run gdpr:export USER_ID") == ["USER_ID"])
        #expect(find("netlify functions:log FUNCTION_NAME --tail") == ["FUNCTION_NAME"])
        #expect(find("npm run db:rollback -- --target=VERSION") == ["VERSION"])
        #expect(find("curl x?key=YOUR_key") == ["YOUR_key"])
        #expect(find("FOO_BAR=1 ./run.sh").isEmpty)
        #expect(find("SELECT DATE_TRUNC('hour', created_at) FROM t", "sql").isEmpty)
        #expect(find("SELECT CURRENT_TIMESTAMP", "sql").isEmpty)
        #expect(find("trivy image --severity HIGH,CRITICAL x").isEmpty)
        #expect(find("kubectl get pods -o=json --output=JSON").isEmpty)
        #expect(find("echo ok # replace YOUR_TOKEN later").isEmpty)
        #expect(find("SELECT * FROM users WHERE id = USER_ID; -- not MY_VALUE", "sql") == ["USER_ID"])
    }

    @Test func orderOfAppearance() {
        #expect(find("deploy --to <env> $VERSION YOUR_KEY_ID") == ["env", "VERSION", "YOUR_KEY_ID"])
    }

    @Test func manualStepsHaveNone() {
        #expect(find("1. Update env: OPENAI_API_KEY", "manual").isEmpty)
    }

    @Test func anglePlaceholdersAreNotRedirections() {
        #expect(riskOf("kubectl logs <pod-name> --tail=50") == .read)
        #expect(riskOf("kubectl describe pod <pod> > /var/log/out.txt") == .change)
        let command = extractCommands("bash", "kubectl exec -it <pod-name> -- psql -U <user>").first
        #expect(command?.placeholders == ["pod-name", "user"])
        #expect(command?.interactive == true)
    }

    @Test func languageSpecificNames() {
        #expect(find("MAX_RETRIES = 3\nos.environ[\"API_KEY\"]\nclient(YOUR_TOKEN)", "python") == ["YOUR_TOKEN"])
        #expect(find("SELECT * FROM USER_ACCOUNTS u JOIN ORDER_ITEMS o ON o.id = ORDER_ID", "sql") == ["ORDER_ID"])
    }
}
