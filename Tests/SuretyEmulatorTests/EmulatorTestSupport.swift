import Foundation
import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyTestSupport
import Testing

/// Shared set-up: the contract, a backend on a manual clock, and requests with real JSON bodies.
enum EmulatorTestSupport {
    /// The instant the test clock starts at: inside the built-in policies' first term.
    static let start = Timestamp(rfc3339: "2024-10-01T00:00:00Z")!

    /// The repository's `contracts/` directory.
    static var contractsDirectory: String { TestRepository.contracts }

    /// The contract, loaded once.
    static var contract: Contract { TestRepository.contract }

    /// The checker every response is judged with.
    static let checker = ExchangeChecker(contract: contract)

    /// A backend with the built-in fixtures on a manual clock.
    static func makeBackend(options: EmulatorOptions = EmulatorOptions()) throws -> EmulatedBackend {
        try EmulatedBackend(contract: contract, clock: .manual(start), seed: 42, options: options)
    }
}

/// A client for tests: sends requests to a backend, checks every response against the contract, decodes JSON.
struct EmulatorClient {
    let backend: EmulatedBackend
    var token: String? = "surety-token"
    var tenant = BuiltInFixtures.tenantA

    /// One exchange's outcome.
    struct Exchange {
        let status: Int
        let json: JSONValue
        let violations: [Violation]
    }

    /// Sends `method path` (`{t}` is the tenant) with an optional JSON body and checks the response.
    func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) -> Exchange {
        var headers = HTTPFields()
        if let token { headers["Authorization"] = "Bearer \(token)" }
        if body != nil { headers["Content-Type"] = "application/json" }
        let request = HTTPRequest(method: method, target: path.replacingOccurrences(of: "{t}", with: tenant), headers: headers,
                                  body: Array((body ?? "").utf8))
        let response = backend.respondSynchronously(to: request)
        var violations: [Violation] = []
        if case .routed(let routed) = EmulatorTestSupport.checker.route(request) {
            violations = EmulatorTestSupport.checker.checkRequest(request, routed: routed).filter(\.isError)
                + EmulatorTestSupport.checker.checkResponse(response, to: routed).violations
        }
        let json = (try? JSONParser().parse(response.body).value()) ?? .null
        return Exchange(status: response.status.code, json: json, violations: violations)
    }
}
