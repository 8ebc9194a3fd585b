// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "warroom",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "warroom", targets: ["warroom"]),
        .library(name: "RunbookKit", targets: ["RunbookKit"]),
        .library(name: "IncidentKit", targets: ["IncidentKit"]),
        .library(name: "ConsoleUI", targets: ["ConsoleUI"]),
        .library(name: "LiveMetrics", targets: ["LiveMetrics"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Named for the error types LiveMetrics words for people (refused, unknown host, TLS).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The shared journal on PostgreSQL; only the PostgresJournal target (and so the warroom binary) links it.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2")
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .target(
            name: "RunbookKit",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "IncidentKit",
            dependencies: [
                "RunbookKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache")
            ],
            resources: [.copy("Templates")]
        ),
        // The journal on a PostgreSQL server, behind IncidentKit's JournalStore protocol; its own target so
        // everything else builds and tests without postgres-nio.
        .target(
            name: "PostgresJournal",
            dependencies: [
                "IncidentKit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // The offline outbox: a local SQLite file.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl")
            ]
        ),
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        .target(
            name: "ConsoleUI",
            // IncidentKit for the one fold of an event (`IncidentChange`) and its kinds and roles.
            dependencies: ["RunbookKit", "IncidentKit", .product(name: "Yams", package: "Yams")]
        ),
        // Samples bound metrics (Prometheus, commands, host, HTTP) and judges them against runbook thresholds.
        .target(
            name: "LiveMetrics",
            dependencies: [
                "RunbookKit",
                .product(name: "Subprocess", package: "swift-subprocess"),
                // Prometheus and HTTP checks: a pooled, kept-alive client far cheaper per request than URLSession.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl")
            ]
        ),
        // Runs prepared runbook commands: process groups, streaming sanitized output, the record.
        .target(
            name: "CommandRunner",
            dependencies: ["RunbookKit", "IncidentKit", .product(name: "Subprocess", package: "swift-subprocess")]
        ),
        // Alertmanager intake: webhook receiver and API poller that open incidents on the right runbook.
        .target(
            name: "AlertIntake",
            dependencies: [
                "RunbookKit",
                "IncidentKit",
                // The poller's GET goes through the metric sources' pooled HTTP client.
                "LiveMetrics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio")
            ]
        ),
        .target(
            name: "CursesTerminal",
            dependencies: ["ConsoleUI", "CNcurses"]
        ),
        .executableTarget(
            name: "warroom",
            dependencies: [
                "RunbookKit",
                "IncidentKit",
                "ConsoleUI",
                "CursesTerminal",
                "LiveMetrics",
                "CommandRunner",
                "AlertIntake",
                "PostgresJournal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log")
            ],
            // Release on Linux: linked by lld (2 s where gold takes ~12 s for this binary), and
            // without the `-export-dynamic` that `-static-stdlib` adds: at each start the runtime
            // looks an address of its own up (`dladdr`) through every exported symbol, ~58,000
            // of them, where a few hundred are left.
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "--no-export-dynamic"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "warroom-bench",
            dependencies: [
                "RunbookKit", "CCmarkGFM", "IncidentKit", "ConsoleUI", "WarroomTestSupport", "LiveMetrics",
                "CommandRunner", "PostgresJournal",
                // A bare INSERT on the same server, the PostgreSQL journal's baseline.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // Raw sqlite3 calls for the bare-SQLite baseline.
                .product(name: "GRDBSQLite", package: "GRDB.swift")
            ],
            path: "Benchmarks/warroom-bench"
        ),
        .testTarget(
            name: "RunbookKitTests",
            dependencies: ["RunbookKit"],
            exclude: ["Fixtures"]
        ),
        // Helpers for tests and the bench: running the built `warroom` binary, pseudo-terminals.
        .target(name: "WarroomTestSupport", path: "Tests/WarroomTestSupport"),
        .testTarget(
            name: "WarroomCLITests",
            dependencies: ["WarroomTestSupport"]
        ),
        .testTarget(
            name: "IncidentKitTests",
            dependencies: [
                "IncidentKit", "RunbookKit", "WarroomTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                // The shared journal tests run on both engines.
                "PostgresJournal"
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "LiveMetricsTests",
            dependencies: [
                "LiveMetrics", "RunbookKit", "WarroomTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio")
            ]
        ),
        .testTarget(
            name: "CommandRunnerTests",
            dependencies: ["CommandRunner", "IncidentKit", "RunbookKit", "WarroomTestSupport"]
        ),
        .testTarget(
            name: "AlertIntakeTests",
            dependencies: [
                "AlertIntake", "IncidentKit", "RunbookKit", "WarroomTestSupport",
                .product(name: "GRDB", package: "GRDB.swift")
            ]
        ),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: ["ConsoleUI", "IncidentKit", "RunbookKit", "WarroomTestSupport"],
            // Golden screens, read from the source folder (`ScreenGolden`).
            exclude: ["Screens"]
        )
    ],
    swiftLanguageModes: [.v6]
)
