import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretySchemas
import SuretyServing

/// The options of `surety serve` that every mode shares: where to listen, the server's limits, faults and logs.
struct ServeOptions: Sendable {
    static let valueOptions: Set<String> = [
        "contracts", "host", "port", "seed", "optional", "latency", "fail-rate", "fail-status", "faults", "log-format",
        "on-invalid", "max-request-line", "max-header-bytes", "max-header-count", "max-body-bytes", "max-connections",
        "header-timeout", "body-timeout", "idle-timeout", "event-loops", "token", "cors", "admin-token", "stubs",
    ]
    static let flags: Set<String> = ["quiet", "strict", "no-auth", "no-cors"]

    static let usage = """
          listening:  [--host 127.0.0.1] [--port 4010 (0 picks a free port and prints it)] [--event-loops N]
          browsers:   [--cors ORIGIN ... | --no-cors] (any origin by default on loopback, none elsewhere)
          stubs:      [--stubs DIR] (every *.json stub document in DIR pinned at start; POST /__surety/stubs pins more)
          mocks:      [--seed N] [--optional all|none|random]
          contract:   [--strict] [--token T ... | --no-auth] [--on-invalid reject|forward] [--contracts DIR]
          faults:     [--latency MS|MIN-MAX] [--fail-rate P] [--fail-status 5xx] [--faults FILE.json]
          admin:      [--admin-token T (generated and printed at start when not given; the emulator also takes
                      its fixtures' tokens holding surety.admin, such as surety-admin)]
          logs:       [--quiet] [--log-format text|json]
          limits:     [--max-request-line BYTES (8192)] [--max-header-bytes BYTES (65536)] [--max-header-count N (100)]
                      [--max-body-bytes BYTES (16777216)] [--max-connections N (1024)]
                      [--header-timeout S (10)] [--body-timeout S (30)] [--idle-timeout S (60)]
        """

    var host: String
    var port: UInt16
    var eventLoops: Int?
    var seed: UInt64
    var optional: ExampleGenerator.OptionalProperties
    var strict: Bool
    /// Whether requests must carry `Authorization: Bearer …` (any token; the emulator judges tokens itself).
    var requiresAuthorization: Bool
    /// The tokens accepted (`--token`, repeatable); empty accepts any bearer token.
    var tokens: Set<String>
    /// `--admin-token`: the credential of the admin routes; nil generates one (the emulator: its admin tokens only).
    var adminToken: String?
    var onInvalid: RequestPolicy?
    var defaultFault: FaultPlan.Fault
    var faultsFile: String?
    var quiet: Bool
    var logFormat: RequestLogFormat
    var limits: HTTPLimits
    var maxConnections: Int
    var timeouts: HTTPTimeouts
    /// Which web pages of other origins may call the server.
    var cors: CORSPolicy
    /// A folder of stub documents pinned at start.
    var stubsDirectory: String?

    init(_ scanner: ArgumentScanner) throws(UsageError) {
        host = scanner.value("host") ?? "127.0.0.1"
        port = UInt16(try scanner.integer("port", in: 0...65_535) ?? 4010)
        eventLoops = try scanner.integer("event-loops", in: 1...64)
        seed = UInt64(try scanner.integer("seed", in: 0...Int.max) ?? 0)
        optional = ExampleGenerator.OptionalProperties(rawValue: try scanner.choice("optional", among: ["all", "none", "random"]) ?? "random")!
        strict = scanner.flag("strict")
        requiresAuthorization = !scanner.flag("no-auth")
        tokens = Set(scanner.values["token"] ?? [])
        if !requiresAuthorization && !tokens.isEmpty { throw UsageError("--token and --no-auth contradict each other") }
        adminToken = scanner.value("admin-token")
        if let adminToken, adminToken.isEmpty || adminToken.contains(where: { $0.isWhitespace }) {
            throw UsageError("--admin-token needs a token without spaces")
        }
        onInvalid = try scanner.choice("on-invalid", among: RequestPolicy.allCases.map(\.rawValue)).flatMap(RequestPolicy.init(rawValue:))
        defaultFault = FaultPlan.Fault()
        if let latency = scanner.value("latency") {
            guard let range = FaultPlan.parseLatency(latency) else {
                throw UsageError("--latency needs milliseconds, MS or MIN-MAX up to 60000, got \(latency)")
            }
            defaultFault.latency = range
        }
        if let rate = scanner.value("fail-rate") {
            guard let value = Double(rate), (0...1).contains(value) else { throw UsageError("--fail-rate needs a number from 0 to 1, got \(rate)") }
            defaultFault.failRate = value
        }
        defaultFault.failStatus = try scanner.integer("fail-status", in: 500...599) ?? 500
        faultsFile = scanner.value("faults")
        quiet = scanner.flag("quiet")
        logFormat = RequestLogFormat(rawValue: try scanner.choice("log-format", among: ["text", "json"]) ?? "text")!
        let defaults = HTTPLimits.default
        limits = HTTPLimits(
            maxRequestLineBytes: try scanner.integer("max-request-line", in: 64...1 << 20) ?? defaults.maxRequestLineBytes,
            maxHeaderBytes: try scanner.integer("max-header-bytes", in: 256...16 << 20) ?? defaults.maxHeaderBytes,
            maxHeaderCount: try scanner.integer("max-header-count", in: 1...10_000) ?? defaults.maxHeaderCount,
            maxBodyBytes: try scanner.integer("max-body-bytes", in: 0...1 << 31) ?? defaults.maxBodyBytes)
        maxConnections = try scanner.integer("max-connections", in: 1...100_000) ?? 1024
        stubsDirectory = scanner.value("stubs")
        let origins = scanner.values["cors"] ?? []
        if scanner.flag("no-cors") && !origins.isEmpty { throw UsageError("give --cors ORIGIN or --no-cors, not both") }
        if let bad = origins.first(where: { !($0.hasPrefix("http://") || $0.hasPrefix("https://")) || $0.dropFirst(8).contains("/") }) {
            throw UsageError("--cors needs an origin such as http://localhost:3000 (scheme, host and port, no path), got \(bad)")
        }
        cors = scanner.flag("no-cors") ? .off : !origins.isEmpty ? .only(origins) : Self.isLoopback(host) ? .anyOrigin : .off
        let timeoutDefaults = HTTPTimeouts.default
        timeouts = HTTPTimeouts(
            headerTimeout: try Self.seconds(scanner, "header-timeout") ?? timeoutDefaults.headerTimeout,
            bodyTimeout: try Self.seconds(scanner, "body-timeout") ?? timeoutDefaults.bodyTimeout,
            idleTimeout: try Self.seconds(scanner, "idle-timeout") ?? timeoutDefaults.idleTimeout)
    }

    /// Whether the server listens on loopback only, where any origin may call it by default.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func seconds(_ scanner: ArgumentScanner, _ name: String) throws(UsageError) -> Duration? {
        guard let text = scanner.value(name) else { return nil }
        guard let value = Double(text), value > 0, value <= 3_600 else {
            throw UsageError("--\(name) needs seconds from 0 to 3600, got \(text)")
        }
        return .milliseconds(Int(value * 1_000))
    }
}
