import Testing
@testable import RunbookKit

/// `runners:` and `commands:` in warroom.yaml, and the settings they give.
@Suite struct RunnerSettingsTests {
    @Test func readsRunnersAndCommandDefaults() {
        let yaml = """
            runners:
              sql: psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f -
              Python:
                run: python3 -
                workdir: /srv/app
                env:
                  PYTHONPATH: /srv/app/lib
                  RETRIES: 3
            commands:
              workdir: /tmp/ops
              env: {AWS_PROFILE: prod}
              timeout: 10m
              silent_after: 90s
            """
        let config = WarroomConfig.parse(yaml, file: "warroom.yaml")
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics)")
        #expect(
            config.runners["sql"]
                == RunnerSettings.Runner(commandLine: "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f -"))
        #expect(
            config.runners["python"]
                == RunnerSettings.Runner(
                    commandLine: "python3 -", workingDirectory: "/srv/app",
                    environment: ["PYTHONPATH": "/srv/app/lib", "RETRIES": "3"]))
        #expect(
            config.commands
                == CommandDefaults(
                    workingDirectory: "/tmp/ops", environment: ["AWS_PROFILE": "prod"],
                    timeout: 600, silentAfter: 90))
        let settings = RunnerSettings(config: config)
        #expect(settings.runners.keys.sorted() == ["python", "sql"])
        #expect(settings.workingDirectory == "/tmp/ops")
        #expect(settings.environment == ["AWS_PROFILE": "prod"])
        #expect(settings.timeout == 600)
        #expect(settings.silentAfter == 90)
    }

    @Test func defaultsWithoutConfiguration() {
        let settings = RunnerSettings(config: nil)
        #expect(
            settings.runners.isEmpty && settings.timeout == nil && settings.silentAfter == 60
                && settings.workingDirectory == nil)
        let empty = RunnerSettings(config: WarroomConfig.parse("theme: dark", file: "w.yaml"))
        #expect(empty == RunnerSettings())
    }

    @Test func problemsAreLocatedAndDropOnlyTheirEntry() {
        let yaml = """
            runners:
              sql: psql -f -
              python:
                workdir: /srv
              ruby:
                run: ruby -
                shell: zsh
              node: [node, -]
            commands:
              timeout: soon
              silent_after: 2m
              retries: 3
            """
        let config = WarroomConfig.parse(yaml, file: "conf/warroom.yaml")
        let lines = config.diagnostics.map(\.description)
        #expect(config.runners.keys.sorted() == ["ruby", "sql"])
        #expect(
            lines.contains("conf/warroom.yaml:4: error: runners.python.run: missing the command line to run (run: …)"),
            "\(lines)")
        #expect(
            lines.contains(
                "conf/warroom.yaml:7: warning: runners.ruby.shell: unknown key, ignored (expected one of: run, workdir, env)"
            ),
            "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix("conf/warroom.yaml:8: error: runners.node: expected a command line or a mapping")
            }, "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix("conf/warroom.yaml:10: error: commands.timeout: cannot read 'soon' as an interval")
            },
            "\(lines)")
        #expect(
            lines.contains(
                "conf/warroom.yaml:12: warning: commands.retries: unknown key, ignored (expected one of: workdir, env, timeout, silent_after)"
            ),
            "\(lines)")
        #expect(config.commands.timeout == nil)
        #expect(config.commands.silentAfter == 120)
    }

    @Test func theBundledExampleReadsCleanly() {
        let config = WarroomConfig.load(file: Paths.packageRoot.appendingPathComponent("examples/warroom.yaml").path)
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics)")
        #expect(config.runners["sql"] != nil)
        #expect(config.commands.timeout == 600 && config.commands.silentAfter == 60)
    }
}
