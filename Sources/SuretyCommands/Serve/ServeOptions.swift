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
          listening:  [--host \(defaultHost)] [--port \(defaultPort) (0 picks a free port and prints it)] [--event-loops N]
          browsers:   [--cors ORIGIN ... | --no-cors] (any origin by default on loopback, none elsewhere)
          stubs:      [--stubs DIR] (every *.json stub document in DIR pinned at start; POST /__surety/stubs pins more)
          mocks:      [--seed N] [--optional \(choices(ExampleGenerator.OptionalProperties.self)) (\(defaultOptional.rawValue))]
          contract:   [--strict] [--token T ... | --no-auth] [--on-invalid \(choices(RequestPolicy.self))] [--contracts DIR]
          faults:     [--latency MS|MIN-MAX] [--fail-rate P] [--fail-status 5xx] [--faults FILE.json]
          admin:      [--admin-token T (generated and printed at start when not given; the emulator also takes
                      its fixtures' tokens holding surety.admin, such as surety-admin)]
          logs:       [--quiet] [--log-format \(choices(RequestLogFormat.self)) (\(defaultLogFormat.rawValue))]
          limits:     [--max-request-line BYTES (\(HTTPLimits.default.maxRequestLineBytes))] \
        [--max-header-bytes BYTES (\(HTTPLimits.default.maxHeaderBytes))] \
        [--max-header-count N (\(HTTPLimits.default.maxHeaderCount))]
                      [--max-body-bytes BYTES (\(HTTPLimits.default.maxBodyBytes))] [--max-connections N (\(defaultMaxConnections))]
                      [--header-timeout S (\(HTTPTimeouts.default.headerTimeout.components.seconds))] \
        [--body-timeout S (\(HTTPTimeouts.default.bodyTimeout.components.seconds))] \
        [--idle-timeout S (\(HTTPTimeouts.default.idleTimeout.components.seconds))]
        """

    /// The address listened on without `--host`.
    static let defaultHost = "127.0.0.1"
    /// The port listened on without `--port`.
    static let defaultPort: UInt16 = 4010
    /// Which optional properties a mock has without `--optional`.
    static let defaultOptional = ExampleGenerator.OptionalProperties.random
    /// The request log's format without `--log-format`.
    static let defaultLogFormat = RequestLogFormat.text
    /// The connection cap without `--max-connections`.
    static let defaultMaxConnections = 1024

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
        host = scanner.value("host") ?? Self.defaultHost
        port = try scanner.integer("port", in: 0...65_535).map(UInt16.init) ?? Self.defaultPort
        eventLoops = try scanner.integer("event-loops", in: 1...64)
        seed = UInt64(try scanner.integer("seed", in: 0...Int.max) ?? 0)
        optional = try scanner.choice("optional", default: Self.defaultOptional)
        strict = scanner.flag("strict")
        requiresAuthorization = !scanner.flag("no-auth")
        tokens = Set(scanner.values["token"] ?? [])
        if !requiresAuthorization && !tokens.isEmpty { throw UsageError("--token and --no-auth contradict each other") }
        adminToken = scanner.value("admin-token")
        if let adminToken, adminToken.isEmpty || adminToken.contains(where: { $0.isWhitespace }) {
            throw UsageError("--admin-token needs a token without spaces")
        }
        onInvalid = try scanner.choice("on-invalid", as: RequestPolicy.self)
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
        logFormat = try scanner.choice("log-format", default: Self.defaultLogFormat)
        let defaults = HTTPLimits.default
        limits = HTTPLimits(
            maxRequestLineBytes: try scanner.integer("max-request-line", in: 64...1 << 20) ?? defaults.maxRequestLineBytes,
            maxHeaderBytes: try scanner.integer("max-header-bytes", in: 256...16 << 20) ?? defaults.maxHeaderBytes,
            maxHeaderCount: try scanner.integer("max-header-count", in: 1...10_000) ?? defaults.maxHeaderCount,
            maxBodyBytes: try scanner.integer("max-body-bytes", in: 0...1 << 31) ?? defaults.maxBodyBytes)
        maxConnections = try scanner.integer("max-connections", in: 1...100_000) ?? Self.defaultMaxConnections
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
