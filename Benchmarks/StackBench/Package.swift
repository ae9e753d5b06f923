// swift-tools-version:6.0
// The serve stack in-process, without sockets: parse, route, validate, mock, serialize (Benchmarks/stack.sh).
import PackageDescription

let package = Package(
    name: "StackBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Surety", path: "../..")],
    targets: [
        .executableTarget(name: "stack-bench", dependencies: [
            .product(name: "SuretyContracts", package: "Surety"), .product(name: "SuretyConformance", package: "Surety"),
            .product(name: "SuretyServing", package: "Surety"), .product(name: "SuretyHTTPCore", package: "Surety"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
