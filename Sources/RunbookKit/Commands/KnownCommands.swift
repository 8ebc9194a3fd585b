/// What the first word of a line must be for the line to read as a shell command: a known
/// program, a path to a script, `sudo …`, or a site wrapper around a known program
/// (`gitlab-redis-cli` wraps `redis-cli`, `gitlab-psql` wraps `psql`).
enum KnownCommands {
    /// Programs whose name at the start of a line marks it as a shell command.
    static let programs: Set<String> = Set(
        """
        kubectl oc ocm rosa helm k9s kubectx kubens stern minikube kind eksctl istioctl linkerd argocd argo flux \
        velero kustomize kubeadm kubeseal skaffold tkn docker docker-compose podman nerdctl crictl ctr buildah \
        skopeo lxc virsh curl wget http https xh grpcurl websocat psql pg_dump pg_dumpall pg_restore pg_isready \
        pg_ctl pg_ctlcluster pg_basebackup pg_repack pgbench pgbackrest patronictl pgbouncer createdb dropdb \
        createuser dropuser mysql mysqldump mysqladmin mariadb mongo mongosh mongodump mongorestore sqlite3 \
        clickhouse-client cqlsh nodetool cockroach influx redis-cli redis-server redis-benchmark valkey-cli \
        memcached-tool celery flower gunicorn uwsgi supervisorctl pm2 rabbitmqctl rabbitmq-diagnostics \
        rabbitmq-plugins kafka-topics kafka-consumer-groups kafka-configs kcat kafkacat etcdctl consul nomad vault \
        boundary zkCli.sh systemctl service journalctl loginctl timedatectl hostnamectl systemd-analyze chronyc ntpq \
        git gh glab hg svn npm npx yarn pnpm node bun deno python python3 pip pip3 pipx pipenv poetry uv conda ruby \
        bundle rake rails perl php composer go cargo java jcmd jstack jmap mvn gradle dotnet aws gcloud gsutil bq az \
        doctl openstack terraform tofu terragrunt pulumi packer vagrant ansible ansible-playbook knife chef-client \
        salt salt-call puppet gitlab-ctl gitlab-rake gitlab-rails gitlab-psql gitlab-redis-cli ssh scp rsync sftp \
        mosh socat tail head cat less more grep egrep fgrep zgrep zcat rg ag awk gawk sed jq yq cut sort uniq wc tr \
        tee xargs column diff ls cd pwd echo printf export unset source sudo su env time nohup timeout watch exec \
        nice ionice taskset ulimit sysctl modprobe apt apt-get apt-cache dpkg yum dnf rpm apk brew snap zypper make \
        netlify wrangler vercel heroku fly flyctl firebase supabase railway render openssl certbot step keytool \
        kinit klist gpg ssh-keygen base64 xxd md5sum sha256sum dig nslookup host whois ping traceroute tracepath mtr \
        nc ncat telnet ip ifconfig route arp ss netstat lsof iptables ip6tables nft ufw firewall-cmd tcpdump \
        conntrack ethtool nmap strace ltrace perf gdb df du free top htop atop iotop ps pgrep pidof pkill kill \
        killall uptime vmstat iostat mpstat sar pidstat dmesg uname whoami id date sleep stat file which type \
        readlink realpath find locate rm cp mv mkdir rmdir touch chmod chown chgrp ln tar gzip gunzip zip unzip xz \
        logrotate crontab truncate shred mount umount lsblk blkid fdisk parted mkfs dd fsck e2fsck resize2fs \
        xfs_growfs lvs vgs pvs lvremove lvextend lvcreate zfs zpool mdadm smartctl swapoff swapon sync nvidia-smi \
        reboot shutdown trivy gitleaks promtool amtool nginx apachectl caddy haproxy varnishadm envoy manage.py \
        django-admin artisan ./manage.py vi vim nano emacs bash sh zsh w who last lastlog airflow nodetool \
        kafka-delete-records kafka-reassign-partitions kafka-leader-election kafka-acls zkcli zookeeper-shell
        """.asciiWords(separatedBy: " \n\\"))

    /// Whether `word` names a command: a known program, or a wrapper whose name ends in one
    /// after a dash (`gitlab-redis-cli`, `prod-kubectl`).
    static func isProgram(_ word: Substring) -> Bool {
        programs.contains(String(word)) || wrapped(String(word)) != nil
    }

    /// The known program a site wrapper stands for: `gitlab-redis-cli` → `redis-cli`.
    static func wrapped(_ program: String) -> String? {
        var rest = Substring(program)
        while let dash = rest.firstIndex(of: "-") {
            rest = rest[rest.index(after: dash)...]
            if rest.count >= 3, programs.contains(String(rest)) { return String(rest) }
        }
        return nil
    }

    /// `mytool status | grep x`: a lower-case program name piped into another command.
    static func looksLikePipeline(_ line: String) -> Bool {
        guard line.contains(" | "), let first = line.split(separator: " ").first, let head = first.first,
            head.isASCII, head.isLowercase
        else { return false }
        return first.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) }
    }

    /// `mytool --flag value`: an unknown lower-case program whose next word is a flag. Used only
    /// where nothing says the block is something else (unlabelled fences).
    static func looksLikeFlaggedCall(_ line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, let head = words[0].first, head.isASCII, head.isLowercase,
            words[0].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) })
        else { return false }
        return words[1].hasPrefix("-") && words[1].count >= 2 && words[1].dropFirst().first?.isLetter != false
            || words[1].hasPrefix("--")
    }

    /// `kubectl get pods`, `sudo systemctl …`, `./deploy.sh`, `$ cmd`, `X=$(…)`.
    static func startsLikeCommand(_ line: String) -> Bool {
        var words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard var first = words.first else { return false }
        if first == "$" || first == "sudo", words.count > 1 {
            let wasSudo = first == "sudo"
            words.removeFirst()
            first = words[0]
            // `sudo anything`: nobody writes prose that starts with sudo.
            if wasSudo, first.first.map({ $0.isLetter || $0 == "-" || $0 == "/" || $0 == "." }) == true { return true }
        }
        if isProgram(first) { return true }
        // `: > state.db`, `yes | apt-get purge …`: a no-op or an answering program feeding or emptying.
        if words.count > 1, first == ":" || first == "yes", words[1].hasPrefix(">") || words[1] == "|" { return true }
        if first.hasPrefix("./") || first.hasPrefix("~/") || first.hasPrefix("bin/") || first.hasPrefix("scripts/") {
            return true
        }
        if first.hasPrefix("/"), first.hasSuffix(".sh") || first.contains("/bin/") { return true }
        if first.hasSuffix(".sh") && !first.contains(":") { return true }
        let word = String(first)
        if ShellParser.isAssignment(word), word.contains("=$(") || word.contains("=\"$(") || word.contains("=`") {
            return true
        }
        return false
    }
}
