// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "warroom",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "warroom", targets: ["warroom"]),
        .library(name: "RunbookKit", targets: ["RunbookKit"]),
        .library(name: "ConsoleUI", targets: ["ConsoleUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        .target(
            name: "ConsoleUI",
            dependencies: ["RunbookKit", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "CursesTerminal",
            dependencies: ["ConsoleUI", "CNcurses"]
        ),
        .executableTarget(
            name: "warroom",
            dependencies: [
                "RunbookKit",
                "ConsoleUI",
                "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "warroom-bench",
            dependencies: ["RunbookKit", "CCmarkGFM", "ConsoleUI"],
            path: "Benchmarks/warroom-bench"
        ),
        .testTarget(
            name: "RunbookKitTests",
            dependencies: ["RunbookKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: ["ConsoleUI"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
