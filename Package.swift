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
    ],
    targets: [
        .target(name: "SuretyJSON"),
        .target(name: "SuretySchemas", dependencies: ["SuretyJSON"]),
        .target(name: "SuretyContracts", dependencies: ["SuretyJSON", "SuretySchemas"]),
        .target(
            name: "SuretyCommands",
            dependencies: ["SuretyJSON", "SuretySchemas", "SuretyContracts"]
        ),
        .executableTarget(name: "surety", dependencies: ["SuretyCommands"]),
        .testTarget(name: "SuretyJSONTests", dependencies: ["SuretyJSON"]),
        .testTarget(name: "SuretySchemasTests", dependencies: ["SuretySchemas", "SuretyJSON"]),
        .testTarget(
            name: "SuretyContractsTests",
            dependencies: ["SuretyContracts", "SuretySchemas", "SuretyJSON"],
            exclude: ["BrokenContracts"]
        ),
        .testTarget(
            name: "SuretyCommandsTests",
            dependencies: ["SuretyCommands", "SuretyContracts", "SuretyJSON"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
