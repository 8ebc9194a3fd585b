import Testing
@testable import RunbookKit

@Suite struct SeverityIDTests {
    @Test(arguments: [
        ("SEV1", "SEV1", 1), ("SEV-1", "SEV1", 1), ("Sev 2", "SEV2", 2), ("sev_3", "SEV3", 3), ("P0", "P0", 0),
        ("**P0 (Critical)**", "P0", 0), ("#### **SEV-1: Critical** 🚨", "SEV1", 1), ("Priority 2", "P2", 2),
        ("**P1 - High**", "P1", 1)
    ])
    func normalises(text: String, id: String, rank: Int) throws {
        let match = try #require(SeverityID.leading(text))
        #expect(match.id == id)
        #expect(match.rank == rank)
    }

    @Test func namesAndRest() throws {
        #expect(SeverityID.leading("P0 (Critical)")?.name == "Critical")
        #expect(SeverityID.leading("SEV-2: High ⚠️")?.name == "High")
        let incident = try #require(SeverityID.leading("P1: API Completely Down"))
        #expect(incident.name == nil)
        #expect(incident.rest == "API Completely Down")
    }

    @Test func notSeverities() {
        for text in ["Postgres", "Pods restart", "P", "SEVERE weather", "P100X", "Level 1"] {
            #expect(SeverityID.leading(text) == nil, "\(text)")
        }
    }
}

@Suite struct SeverityStructureTests {
    @Test func pipeTable() throws {
        let runbook = try Paths.fixtureRunbook("severity-table.md")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3", "SEV4"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [600, 1800, 28800, nil])
        #expect(runbook.severities[0].description == "Payments fully down")
        #expect(runbook.severities[0].examples == "Card capture failing everywhere")
        #expect(runbook.severities[3].responseTime?.text == "Next business day")
        #expect(runbook.warnings.contains { $0.line == 10 && $0.message.contains("SEV4") })
    }

    @Test func boldBulletsWithNestedLabels() throws {
        let runbook = try Paths.fixtureRunbook("severity-bullets.md")
        #expect(runbook.severities.map(\.id) == ["P0", "P1", "P2", "P3"])
        #expect(runbook.severities.map(\.name) == ["Critical", "High", "Medium", "Low"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [600, 2700, 14400, 259200])
        #expect(runbook.severities[0].description == "Search unavailable for all tenants")
        #expect(runbook.severities[1].escalation == "After 2 hours")
        #expect(runbook.checklists.isEmpty, "a severity list is not a checklist")
    }

    /// "First public update: within 20 minutes" and "Then: every 30 minutes" under a level are its
    /// communication, both parts; the cadence is the "every" part, the first update's time apart.
    @Test func updateFieldsUnderALevelAreItsCadence() {
        let runbook = RunbookReader.parse(
            text: """
                # Comms

                ## Cadence by severity

                - **SEV1 (Critical)**: customer-facing outage
                  - First public update: within 20 minutes of declaring
                  - Then: every 30 minutes until resolved
                  - Audience: status page, #incidents
                - **SEV2 (Major)**: significant degradation
                  - Updates: every 2 hours
                """)
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2"])
        #expect(
            runbook.severities.first?.communication
                == "First public update: within 20 minutes of declaring; Then: every 30 minutes until resolved")
        #expect(runbook.updateCadence(for: "SEV1")?.seconds == 1800)
        #expect(runbook.updateCadence(for: "SEV1")?.firstSeconds == 1200, "the first update has its own time")
        #expect(runbook.updateCadence(for: "SEV2")?.seconds == 7200)
        #expect(runbook.updateCadence(for: "SEV2")?.firstSeconds == nil)
    }

    @Test func headingPerLevel() throws {
        let runbook = try Paths.fixtureRunbook("severity-headings.md")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3", "SEV4"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [300, 1800, 21600, nil])
        let sev1 = runbook.severities[0]
        #expect(sev1.name == "Critical")
        #expect(sev1.description == "No messages delivered, or messages lost")
        #expect(sev1.communication == "Status page and exec channel")
        #expect(sev1.escalation == "Messaging on-call + engineering director")
        #expect(sev1.line == 5)
    }

    @Test func tableDeepInOnCallWithBoldCells() throws {
        let runbook = try Paths.fixtureRunbook("severity-oncall-table.md")
        #expect(runbook.severities.map(\.id) == ["P0", "P1", "P2", "P3"])
        #expect(runbook.severities.map(\.name) == ["Critical", "High", "Medium", "Low"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [900, 3600, nil, nil])
        #expect(runbook.severities[0].examples == "Warehouse loads stopped")
    }

    @Test func incidentTypeSectionsBringTheirProcedure() throws {
        let runbook = try Paths.fixtureRunbook("incident-types.md")
        #expect(runbook.severities.map(\.id) == ["P1", "P2"])
        let p1 = try #require(runbook.severity("P1"))
        #expect(p1.responseTime?.seconds == 300)
        #expect(p1.procedure == "API Completely Down")
        let procedure = try #require(runbook.procedures.first { $0.severity == "P1" })
        #expect(procedure.title == "API Completely Down")
        #expect(procedure.symptoms == "Every checkout request returns 502 from the load balancer.")
        #expect(procedure.responseTime?.seconds == 300)
        #expect(procedure.steps.count == 3)
        #expect(procedure.steps.allSatisfy { $0.commands.count == 1 })
        let rollback = try #require(runbook.command(procedure.steps[2].commands[0]))
        #expect(rollback.code == "kubectl rollout undo deployment/api -n checkout")
        #expect(runbook.severity("p2")?.procedure == "Elevated Latency")
    }

    @Test func htmlTable() throws {
        let runbook = try Paths.fixtureRunbook("wild.md")
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2"])
        #expect(runbook.severities.map(\.responseTime?.seconds) == [900, 7200])
        #expect(runbook.severities[0].description == "Ledger writes failing")
    }
}

@Suite("Response times written in a level's words")
struct ResponseInProseTests {
    @Test func respondingSentencesAndWorkingTime() {
        #expect(SeverityExtractor.responseInProse("Writes fail. Respond within 30 minutes.")?.seconds == 1800)
        #expect(SeverityExtractor.responseInProse("Respond immediately, page the DBA")?.seconds == 0)
        let later = SeverityExtractor.responseInProse("A replica is down. Handle during business hours.")
        #expect(later?.isUnbounded == true && later?.text == "Handle during business hours")
        #expect(SeverityExtractor.responseInProse("Lag of 5 minutes is normal during backups.") == nil)
        // A sentence that is only a time is the time to respond.
        #expect(SeverityExtractor.responseInProse("degraded (slow, partial results). 30 min.")?.seconds == 1800)
    }

    @Test func percentilesAreNeverLevels() {
        let runbook = RunbookReader.parse(
            text: """
                ## Thresholds

                - p95 query latency > 750ms for 10m -> warning
                - p99 latency > 2s for 5m -> page

                ## Severity

                - P1: search down for everyone. 15 min to respond.
                - P2: degraded. 30 min.
                """)
        #expect(runbook.severities.map(\.id) == ["P1", "P2"])
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [900, 1800])
        #expect(SeverityID.leading("P99 latency above 2s") == nil && SeverityID.leading("P0 outage")?.id == "P0")
    }

    @Test func aLevelListInProseKeepsItsWorkingTimeLevel() {
        let runbook = RunbookReader.parse(
            text: """
                ## Impact levels

                - **Critical** — writes fail for everyone. Respond immediately.
                - **Minor** — a single replica is down. Handle during business hours.
                """)
        #expect(runbook.severities.map(\.id) == ["CRITICAL", "MINOR"])
        #expect(runbook.severities.last?.responseTime?.isUnbounded == true)
        #expect(runbook.severities.first?.responseTime?.seconds == 0)
    }

    /// `- Critical: page immediately.`: a word level's text is all of what follows its name.
    @Test func aPlainListOfWordLevelsKeepsItsWholeTextAndTimes() {
        let runbook = RunbookReader.parse(
            text: """
                ## Incident levels

                - Critical: page immediately.
                - Major: respond within 2 hours.
                - Minor: normal working hours.
                """)
        #expect(
            runbook.severities.map(\.description) == [
                "page immediately", "respond within 2 hours", "normal working hours"
            ])
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [0, 7200, nil])
        #expect(runbook.severities.last?.responseTime?.isUnbounded == true)
    }

    /// A level per heading: its paragraph is what it means, and its response is the first sentence's
    /// time; a cadence in a level's prose is no response time.
    @Test func aLevelHeadingsParagraphAndItsResponsesFirstSentence() {
        let runbook = RunbookReader.parse(
            text: """
                # Handbook

                ## Incident levels

                ### Critical

                Customers cannot pay at all.

                Response: page immediately. Join the bridge within 5 minutes.

                ### Minor

                One report is late.

                Response: normal working hours.
                """)
        #expect(runbook.severities.map(\.description) == ["Customers cannot pay at all.", "One report is late."])
        #expect(runbook.severities.first?.responseTime?.seconds == 0, "not the 5 minutes to join the bridge")
        let prose = RunbookReader.parse(
            text: """
                # Levels

                ## Severity

                Critical: page immediately. We post on the status page every 30 minutes.

                Minor: 4 hours.
                """)
        #expect(prose.severities.map { $0.responseTime?.seconds } == [0, 14400])
    }

    /// "How fast" is when to respond and "Who responds" who; "What it means" is the description.
    @Test func aLevelTableTakesWhenFromItsTimeColumnNotItsWhoColumn() {
        let runbook = RunbookReader.parse(
            text: """
                ## Severity

                | Sev | What it means | Who responds | How fast |
                |---|---|---|---|
                | Sev 1 | No payments succeed | Payments on-call + IC | Immediately |
                | Sev 2 | Auth rate below 85% | Payments on-call | 30 min |
                """)
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [0, 1800])
        #expect(runbook.severities.map(\.description) == ["No payments succeed", "Auth rate below 85%"])
    }

    /// Jira's scales rank too (Blocker above Critical, Normal between Major and Minor), and a list of
    /// word levels under "How bad is it?" or "Levels" is the levels.
    @Test func moreScalesAndHeadingsOfLevels() {
        let jira = RunbookReader.parse(
            text: """
                ## Severity levels

                | Level | Description | Response |
                |---|---|---|
                | Blocker | Everything down | 15 min |
                | Critical | Core down | 30 min |
                | Normal | Small | 2 days |
                """)
        #expect(jira.severities.map(\.id) == ["BLOCKER", "CRITICAL", "NORMAL"])
        #expect(jira.severities.map(\.rank) == [0, 1, 3])
        let prose = RunbookReader.parse(
            text: """
                # Payments

                ## How bad is it?

                - Critical: payments fail for everyone. Page immediately.
                - Minor: cosmetic. Normal working hours.
                """)
        #expect(prose.severities.map(\.id) == ["CRITICAL", "MINOR"])
        #expect(prose.severities.first?.responseTime?.seconds == 0)
    }

    /// "A **critical** incident …" under a levels heading: each bold level heading its own sentence.
    @Test func levelsNamedInBoldAtTheHeadOfTheirSentences() {
        let runbook = RunbookReader.parse(
            text: """
                ## Incident levels

                A **critical** incident stops payments; page the on-call immediately.
                A **minor** incident can wait for normal working hours.

                Nothing here is **critical** unless customers see it.
                """)
        #expect(runbook.severities.map(\.id) == ["CRITICAL", "MINOR"])
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [0, nil])
        #expect(runbook.severities.last?.responseTime?.isUnbounded == true)
        #expect(runbook.severities.map(\.line) == [3, 4])
    }

    /// Levels defined one sentence each in a paragraph: "A SEV1 is …; … immediately and post
    /// updates every 20 minutes. A SEV2 is …: respond within 30 minutes, update hourly."
    @Test func levelsDefinedSentenceBySentence() {
        let runbook = RunbookReader.parse(
            text: """
                # Platform

                ## Severity in one paragraph

                A SEV1 is a full outage of a customer-facing product or any data loss; you start the incident
                call immediately and post updates every 20 minutes. A SEV2 is a partial outage or badly
                degraded service: respond within 30 minutes, update hourly. A SEV3 is anything that can wait
                until the next working day.
                """)
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3"])
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [0, 1800, nil])
        #expect(runbook.severities.map(\.line) == [5, 6, 7])
        #expect(runbook.updateCadence(for: "SEV1")?.seconds == 1200)
        #expect(runbook.updateCadence(for: "SEV2")?.seconds == 3600)
    }

    /// A paragraph a level, its time in a later sentence and written out; a cadence after the
    /// response word is not the response time.
    @Test func aParagraphPerLevelWithItsTimeInALaterSentence() {
        let runbook = RunbookReader.parse(
            text: """
                # Edge

                ## Severity

                Severity 1 applies when a quarter of requests fail. Someone must be on the bridge within ten
                minutes, and the incident channel gets a status every 30 minutes.

                Severity 2 is a single path failing. We expect a response within the hour and an update every
                two hours.

                Severity 3 is a false positive; handle it during office hours.

                ## Payments

                **Severity 1** is when authorisation fails. Respond immediately and update #pay-status every 15 minutes.
                """)
        #expect(runbook.severities.map(\.id) == ["SEV1", "SEV2", "SEV3"])
        #expect(runbook.severities.map { $0.responseTime?.seconds } == [600, 3600, nil])
        #expect(runbook.severities[2].responseTime?.text.contains("office hours") == true)
        #expect(runbook.updateCadence(for: "SEV1")?.seconds == 1800)
        #expect(runbook.updateCadence(for: "SEV2")?.seconds == 7200)
        #expect(
            SeverityExtractor.responseInProse("Respond immediately and update #pay-status every 15 minutes")?.seconds
                == 0)
        #expect(DurationParser.seconds(in: "within ten minutes") == 600)
        #expect(DurationParser.seconds(in: "within the hour") == 3600)
        #expect(DurationParser.seconds(in: "once a day") == nil, "a count, no time to respond in")
    }

    /// `S1 — Critical` is a level when a level's name follows the short id; "S3 bucket" is not.
    @Test func shortIdsWithALevelName() {
        #expect(SeverityID.leading("S1 — Critical")?.id == "SEV1")
        #expect(SeverityID.leading("S2: Major")?.name == "Major")
        #expect(SeverityID.leading("S3 bucket policy") == nil)
        #expect(SeverityID.leading("S3") == nil)
    }
}
