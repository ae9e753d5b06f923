// swift-tools-version:6.0
// A small client of the policy API and its tests, run against Surety in-process: a consumer of SuretyTesting that
// depends on Surety by path, as an app would (docs/swift-testing.md).
import PackageDescription

let package = Package(
    name: "SwiftClient",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Surety", path: "../..")],
    targets: [
        .target(name: "PolicyClient"),
        .testTarget(name: "PolicyClientTests", dependencies: [
            "PolicyClient",
            .product(name: "SuretyTesting", package: "Surety"),
            .product(name: "SuretyHTTPCore", package: "Surety"),
            .product(name: "SuretyHTTPTransport", package: "Surety"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
