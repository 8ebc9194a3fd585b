import Testing
import RunbookKit

@Suite struct WarroomConfigTests {
    @Test func anInvalidRedactPatternIsAnErrorNamingFileLineAndKeyAndTheOthersStay() {
        let config = WarroomConfig.parse(
            """
            theme: dark
            redact:
              - "tok-[0-9]+"
              - "bad[("
              - '(?i)secret=(\\S+)'
            """, file: "conf/warroom.yaml")
        #expect(config.redact == ["tok-[0-9]+", "(?i)secret=(\\S+)"])
        #expect(
            config.errors.map(\.description) == [
                "conf/warroom.yaml:4: error: redact[1]: not a valid regular expression: bad[("
            ])
        let single = WarroomConfig.parse("redact: \"(\"\n", file: "w.yaml")
        #expect(single.redact.isEmpty)
        #expect(single.errors.map(\.description) == ["w.yaml:1: error: redact: not a valid regular expression: ("])
    }

    @Test func readsEverySection() {
        let yaml = """
            prometheus: http://127.0.0.1:9090
            theme: dark
            store: /tmp/store
            redact:
              - "secret-[0-9]+"
            runners:
              sql: psql -f -
            metrics:
              - name: Error Rate
                prometheus: 100 * sum(rate(x[5m]))
                unit: "%"
                every: 15s
                critical: "> 90%"
              - name: Disk Usage
                host: disk:/
              - name: Queue Depth
                command: redis-cli LLEN celery
                timeout: 2s
            """
        let config = WarroomConfig.parse(yaml, file: "warroom.yaml")
        #expect(config.diagnostics.isEmpty)
        #expect(config.prometheus == "http://127.0.0.1:9090")
        #expect(config.runners == ["sql": RunnerSettings.Runner(commandLine: "psql -f -")])
        #expect(config.redact == ["secret-[0-9]+"])
        #expect(config.theme == "dark")
        #expect(config.store == "/tmp/store")
        #expect(config.metrics.count == 3)
        #expect(config.metrics[0].source == .prometheus(query: "100 * sum(rate(x[5m]))"))
        #expect(config.metrics[0].everySeconds == 15)
        #expect(config.metrics[0].critical?.value == 90)
        #expect(config.metrics[0].critical?.unit == "%")
        #expect(config.metrics[1].source == .host("disk:/"))
        #expect(config.metrics[2].timeoutSeconds == 2)
        #expect(config.metrics[0].matches("error-rate"))
        #expect(config.metrics[0].matches("5xx Errors rate") || !config.metrics[0].matches("Disk usage"))
        #expect(!config.metrics[1].matches("Error Rate"))
    }

    @Test func badBindingsNameFileLineAndKeyAndTheRestStillWorks() {
        let yaml = """
            prometheus: http://127.0.0.1:9090
            colour: red
            metrics:
              - name: Error Rate
                graphite: foo.bar
              - name: Latency
                command: echo 1
                every: soon
              - name: Disk Usage
                host: disk:/
              - name: CPU
                host: cpux
            """
        let config = WarroomConfig.parse(yaml, file: "conf/warroom.yaml")
        #expect(config.metrics.map(\.name) == ["Disk Usage"])
        let text = config.diagnostics.map(\.description)
        #expect(
            text.contains(
                "conf/warroom.yaml:2: warning: colour: unknown key (expected one of: alerts, commands, metrics, prometheus, redact, runners, store, theme, updates)"
            ))
        #expect(
            text.contains { $0.hasPrefix("conf/warroom.yaml:5: error: metrics[0].Error Rate.graphite: unknown source") }
        )
        #expect(
            text.contains { $0.hasPrefix("conf/warroom.yaml:8: error: metrics[1].Latency.every: cannot read 'soon'") })
        #expect(
            text.contains {
                $0.hasPrefix("conf/warroom.yaml:12: error: metrics[3].CPU.host: unknown host metric 'cpux'")
            })
        #expect(config.errors.count == 3, "\(text)")
        #expect(config.warnings.count == 1)
    }

    @Test func badYAMLIsAnErrorWithItsLine() {
        let config = WarroomConfig.parse("metrics:\n  - name: [unclosed\n", file: "w.yaml")
        #expect(config.errors.count == 1)
        #expect(config.errors.first?.line != nil)
        #expect(config.errors.first?.description.hasPrefix("w.yaml:") == true)
    }

    @Test func prometheusURLFallsBackToTheEnvironment() {
        let config = WarroomConfig.parse("theme: x", file: "w.yaml")
        #expect(config.prometheusURL(environment: ["PROMETHEUS_URL": "http://127.0.0.1:1"]) == "http://127.0.0.1:1")
        #expect(
            WarroomConfig.parse("prometheus: http://a", file: "w").prometheusURL(environment: ["PROMETHEUS_URL": "b"])
                == "http://a")
    }

    @Test func intervals() {
        #expect(IntervalParser.seconds("15s") == 15)
        #expect(IntervalParser.seconds("1m") == 60)
        #expect(IntervalParser.seconds("500ms") == 0.5)
        #expect(IntervalParser.seconds("30") == 30)
        #expect(IntervalParser.seconds("soon") == nil)
        #expect(IntervalParser.seconds("0s") == nil)
    }
}
