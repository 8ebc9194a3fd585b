/// What a fenced block holds, decided from its info string and, when that says little, its lines.
enum FenceKind: Equatable, Sendable {
    case shell, session, sql, python, promql

    /// The language reported for the block and its commands.
    var language: String {
        switch self {
        case .shell, .session: "bash"
        case .sql: "sql"
        case .python: "python"
        case .promql: "promql"
        }
    }
}

enum FenceLanguage {
    static let shellNames: Set<String> = ["bash", "sh", "shell", "zsh", "ksh", "fish", "ash", "dash", "posix", "shellscript", "bat", "cmd",
                                          "powershell", "ps1", "pwsh"]
    static let sessionNames: Set<String> = ["console", "shell-session", "shellsession", "terminal", "bash-session", "sh-session",
                                            "zsh-session", "session", "prompt"]
    static let sqlNames: Set<String> = ["sql", "psql", "postgresql", "postgres", "pgsql", "plpgsql", "mysql", "mariadb", "sqlite",
                                        "sqlite3", "tsql", "plsql", "cql"]
    static let pythonNames: Set<String> = ["python", "py", "python3", "py3", "pycon", "ipython", "python-repl"]
    /// Configuration, data and documentation: no commands unless the lines are plainly shell.
    static let documentNames: Set<String> = ["yaml", "yml", "json", "jsonc", "json5", "toml", "ini", "cfg", "conf", "config",
                                             "markdown", "md", "text", "txt", "plain", "plaintext", "log", "logs", "output",
                                             "diff", "patch", "nginx", "apache", "dockerfile", "docker", "hcl", "terraform", "tf",
                                             "xml", "html", "css", "csv", "tsv", "env", "dotenv", "properties", "mermaid", "graphql",
                                             "http", "promql-output", "none", "raw", "javascript", "js", "typescript", "ts", "go",
                                             "rust", "java", "ruby", "php", "c", "cpp", "swift", "kotlin", "lua", "jinja", "j2",
                                             "systemd", "crontab", "cron", "caddy", "haproxy", "proto", "protobuf", "rego"]

    /// The first word of an info string, lower-cased, without `{.`, `language-` or attributes:
    /// "bash title=x" → "bash", "{.sh}" → "sh".
    static func infoWord(_ info: String) -> String {
        var s = Substring(info.trimmed)
        while let f = s.first, f == "{" || f == "." { s = s.dropFirst() }
        if s.lowercased().hasPrefix("language-") { s = s.dropFirst(9) }
        let word = s.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "+" || $0 == "." }
        return word.lowercased()
    }

    static func kind(info: String, code: String) -> FenceKind? {
        let word = infoWord(info)
        if sessionNames.contains(word) {
            // A session fence with no prompt at all holds plain commands.
            return ShellSession.hasAnyPrompt(code) ? .session : .shell
        }
        if shellNames.contains(word) { return ShellSession.hasPrompts(code, kind: .shell) ? .session : .shell }
        if sqlNames.contains(word) { return ShellSession.hasPrompts(code, kind: .sql) ? .session : .sql }
        if pythonNames.contains(word) { return ShellSession.hasPrompts(code, kind: .python) ? .session : .python }
        if word == "promql" || word == "prometheus" || word == "logql" || word == "metricsql" { return .promql }
        if word.isEmpty {
            if ShellSession.hasPrompts(code, kind: .shell) { return .session }
            return looksLikeShell(code, strict: false) ? .shell : nil
        }
        if documentNames.contains(word) { return looksLikeShell(code, strict: true) ? .shell : nil }
        // An info string that is itself a command (```` ```kubectl get pods ````).
        let infoFirst = info.trimmed.split(separator: " ").first.map(String.init) ?? ""
        if KnownCommands.programs.contains(infoFirst) { return .shell }
        return looksLikeShell(code, strict: true) ? .shell : nil
    }

    /// Whether a block's lines read as shell commands. `strict` (for config and doc
    /// languages): the first non-comment line must start with a known program.
    static func looksLikeShell(_ code: String, strict: Bool) -> Bool {
        var checked = 0
        var commandLike = 0
        var first: Bool? = nil
        for raw in code.lines.prefix(400) {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let yes = KnownCommands.startsLikeCommand(line) || (!strict && KnownCommands.looksLikePipeline(line))
            if first == nil { first = yes }
            checked += 1
            if yes { commandLike += 1 }
        }
        guard let first, first else { return false }
        if strict { return true }
        return commandLike * 2 >= checked
    }
}

enum KnownCommands {
    /// Programs whose name at the start of a line marks it as a shell command.
    static let programs: Set<String> = Set("""
        kubectl oc helm k9s kubectx kubens stern minikube kind eksctl istioctl linkerd argocd flux velero kustomize \
        docker docker-compose podman nerdctl crictl ctr buildah skopeo \
        curl wget http xh psql pg_dump pg_dumpall pg_restore pg_isready pg_ctl pg_ctlcluster pg_basebackup pgbackrest \
        createdb dropdb createuser dropuser mysql mysqldump mariadb mongo mongosh mongodump mongorestore sqlite3 \
        redis-cli redis-server valkey-cli celery flower gunicorn uwsgi supervisorctl pm2 \
        systemctl service journalctl git gh npm npx yarn pnpm node bun deno python python3 pip pip3 pipenv poetry \
        aws gcloud gsutil az doctl terraform tofu terragrunt packer vault consul nomad ansible ansible-playbook \
        ssh scp rsync sftp tail head cat less more grep egrep rg awk sed jq yq cut sort uniq wc tr tee xargs \
        ls cd pwd echo printf export unset source sudo su env time nohup timeout watch \
        apt apt-get yum dnf apk brew snap make rake rails bundle php composer go cargo java mvn gradle \
        netlify wrangler vercel heroku fly flyctl firebase supabase railway render \
        openssl dig nslookup host ping traceroute mtr nc telnet ip ss netstat lsof iptables ufw tcpdump \
        df du free top htop ps pgrep pkill kill killall uptime vmstat iostat dmesg uname whoami id date sleep \
        rm cp mv mkdir rmdir touch chmod chown ln find tar gzip gunzip zip unzip logrotate crontab \
        mount umount lsblk fdisk mkfs dd reboot shutdown certbot trivy gitleaks promtool amtool \
        etcdctl kafka-topics kafka-consumer-groups rabbitmqctl nginx apachectl caddy haproxy \
        manage.py django-admin artisan ./manage.py vi vim nano emacs less journalctl dmesg
        """.split { $0 == " " || $0 == "\n" }.map(String.init))

    /// `mytool status | grep x`: a lower-case program name piped into another command.
    static func looksLikePipeline(_ line: String) -> Bool {
        guard line.contains(" | "), let first = line.split(separator: " ").first, let head = first.first,
              head.isASCII, head.isLowercase else { return false }
        return first.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) }
    }

    /// `kubectl get pods`, `sudo systemctl …`, `./deploy.sh`, `$ cmd`, `X=$(…)`.
    static func startsLikeCommand(_ line: String) -> Bool {
        var words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard var first = words.first.map(String.init) else { return false }
        if first == "$" || first == "sudo", words.count > 1 {
            words.removeFirst()
            first = String(words[0])
        }
        if programs.contains(first) { return true }
        if first.hasPrefix("./") || first.hasPrefix("~/") || first.hasPrefix("bin/") || first.hasPrefix("scripts/") { return true }
        if first.hasPrefix("/"), first.hasSuffix(".sh") || first.contains("/bin/") { return true }
        if first.hasSuffix(".sh") && !first.contains(":") { return true }
        if ShellParser.isAssignment(first), first.contains("=$(") || first.contains("=\"$(") || first.contains("=`") { return true }
        return false
    }
}
