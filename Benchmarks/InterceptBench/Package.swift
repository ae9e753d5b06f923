// swift-tools-version:6.0
// One GET intercepted in-process by SuretyTesting against the same GET over loopback to `surety serve`
// (Benchmarks/intercept.sh).
import PackageDescription

let package = Package(
    name: "InterceptBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Surety", path: "../..")],
    targets: [
        .executableTarget(name: "intercept-bench", dependencies: [.product(name: "SuretyTesting", package: "Surety")]),
    ],
    swiftLanguageModes: [.v6]
)
