// swift-tools-version:6.0
// A Swift client generated from `surety openapi` by Apple's swift-openapi-generator, built for all 77 operations and
// run through the terms → change → price → issue flow against `surety serve --emulate` (docs/openapi.md). This
// example depends on the ecosystem tool it demonstrates; Surety's own Package.swift stays free of dependencies.
import PackageDescription

let package = Package(
    name: "OpenAPIClient",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.7.0"),
    ],
    targets: [
        .target(
            name: "SuretyAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "IssueFlow",
            dependencies: ["SuretyAPI", .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                           .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
