// swift-tools-version:6.0
// Surety: contract testing and mock serving for the insurance platform API.
// No third-party packages: the Swift toolchain's own libraries only.
import PackageDescription

let package = Package(
    name: "Surety",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "surety", targets: ["surety"]),
        .library(name: "SuretyJSON", targets: ["SuretyJSON"]),
        .library(name: "SuretySchemas", targets: ["SuretySchemas"]),
        .library(name: "SuretyContracts", targets: ["SuretyContracts"]),
        .library(name: "SuretyHTTPCore", targets: ["SuretyHTTPCore"]),
        .library(name: "SuretyHTTPTransport", targets: ["SuretyHTTPTransport"]),
        .library(name: "SuretyConformance", targets: ["SuretyConformance"]),
        .library(name: "SuretyServing", targets: ["SuretyServing"]),
        .library(name: "SuretyRecordings", targets: ["SuretyRecordings"]),
        .library(name: "SuretyEmulator", targets: ["SuretyEmulator"]),
        .library(name: "SuretyEmulatorState", targets: ["SuretyEmulatorState"]),
        .library(name: "SuretyTesting", targets: ["SuretyTesting"]),
    ],
    targets: [
        .target(name: "SuretyJSON"),
        // The project's contract, embedded in `surety` as a resource. The target sits at the package root so that its
        // resource is `contracts/` itself, not a copy that could drift; everything else there is excluded (a new
        // top-level folder or target folder belongs in `exclude`, or SwiftPM warns of unhandled files).
        .target(
            name: "SuretyEmbeddedContract",
            path: ".",
            exclude: ["Benchmarks", "Examples", "README.md", "Tests", "docs", "recordings",
                      "Sources/SuretyJSON", "Sources/SuretySchemas", "Sources/SuretyContracts", "Sources/SuretyHTTPCore",
                      "Sources/SuretyHTTPTransport", "Sources/SuretyConformance", "Sources/SuretyServing", "Sources/SuretyRecordings",
                      "Sources/SuretyEmulator", "Sources/SuretyEmulatorState", "Sources/SuretyCommands", "Sources/SuretyTesting", "Sources/SuretyTestSupport",
                      "Sources/surety"],
            sources: ["Sources/SuretyEmbeddedContract"],
            resources: [.copy("contracts")]
        ),
        .target(name: "SuretySchemas", dependencies: ["SuretyJSON"]),
        .target(name: "SuretyContracts", dependencies: ["SuretyJSON", "SuretySchemas"]),
        .target(name: "SuretyHTTPCore"),
        .target(name: "SuretyHTTPTransport", dependencies: ["SuretyHTTPCore"]),
        .target(name: "SuretyConformance", dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyHTTPCore"]),
        .target(
            name: "SuretyServing",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyHTTPCore", "SuretyConformance", "SuretyEmulator"]
        ),
        .target(
            name: "SuretyRecordings",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyHTTPCore", "SuretyConformance"]
        ),
        .target(
            name: "SuretyEmulator",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyHTTPCore", "SuretyConformance"]
        ),
        .target(name: "SuretyEmulatorState", dependencies: ["SuretyJSON", "SuretySchemas", "SuretyEmulator"]),
        .target(
            name: "SuretyCommands",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyHTTPCore", "SuretyHTTPTransport",
                           "SuretyConformance", "SuretyServing", "SuretyRecordings", "SuretyEmulator", "SuretyEmulatorState",
                           "SuretyEmbeddedContract"]
        ),
        .target(
            name: "SuretyTesting",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyHTTPCore", "SuretyHTTPTransport",
                           "SuretyConformance", "SuretyServing", "SuretyRecordings", "SuretyEmulator"]
        ),
        .target(
            name: "SuretyTestSupport",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts", "SuretyConformance", "SuretyHTTPCore", "SuretyHTTPTransport"]
        ),
        .executableTarget(name: "surety", dependencies: ["SuretyCommands"]),
        .testTarget(name: "SuretyJSONTests", dependencies: ["SuretyJSON"]),
        .testTarget(name: "SuretySchemasTests", dependencies: ["SuretySchemas", "SuretyJSON"]),
        .testTarget(
            name: "SuretyContractsTests",
            dependencies: ["SuretyContracts", "SuretySchemas", "SuretyJSON", "SuretyTestSupport"],
            exclude: ["BrokenContracts"]
        ),
        .testTarget(name: "SuretyHTTPCoreTests", dependencies: ["SuretyHTTPCore"]),
        .testTarget(name: "SuretyHTTPTransportTests", dependencies: ["SuretyHTTPTransport", "SuretyHTTPCore"]),
        .testTarget(
            name: "SuretyConformanceTests",
            dependencies: ["SuretyConformance", "SuretyTestSupport", "SuretyContracts", "SuretyHTTPCore", "SuretyJSON", "SuretySchemas"]
        ),
        .testTarget(
            name: "SuretyServingTests",
            dependencies: ["SuretyServing", "SuretyTestSupport", "SuretyConformance", "SuretyContracts", "SuretyHTTPCore", "SuretyHTTPTransport",
                           "SuretyJSON", "SuretySchemas", "SuretyEmulator", "SuretyEmulatorState", "SuretyRecordings"]
        ),
        .testTarget(
            name: "SuretyRecordingsTests",
            dependencies: ["SuretyRecordings", "SuretyTestSupport", "SuretyConformance", "SuretyContracts", "SuretyHTTPCore", "SuretyHTTPTransport",
                           "SuretyJSON", "SuretySchemas"],
            exclude: ["DiffCases", "HARCases"]
        ),
        .testTarget(
            name: "SuretyEmulatorTests",
            dependencies: ["SuretyEmulator", "SuretyEmulatorState", "SuretyTestSupport", "SuretyConformance", "SuretyContracts", "SuretyHTTPCore", "SuretyJSON", "SuretySchemas"]
        ),
        .testTarget(
            name: "SuretyCommandsTests",
            dependencies: ["SuretyCommands", "SuretyTestSupport", "SuretyConformance", "SuretyHTTPTransport", "SuretyHTTPCore", "SuretyContracts", "SuretyJSON",
                           "SuretyRecordings",
                           "SuretyEmulator", "SuretySchemas", "SuretyServing", "SuretyEmbeddedContract"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SuretyTestingTests",
            dependencies: ["SuretyTesting", "SuretyTestSupport", "SuretyServing", "SuretyEmulator", "SuretyRecordings", "SuretyConformance",
                           "SuretyHTTPCore", "SuretyHTTPTransport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
