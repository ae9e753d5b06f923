import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport

/// The repository's contract and scenarios, found from this file (symlinks resolved) so tests run from anywhere.
enum RunnerFixtures {
    /// The folder holding `contracts/`.
    static let repository = URL(fileURLWithPath: TestRepository.root)

    static var contractsDirectory: String { repository.appendingPathComponent("contracts").path }
    static var scenariosDirectory: String { repository.appendingPathComponent("contracts/scenarios").path }

    /// The contract, loaded once.
    static var contract: Contract { TestRepository.contract }

    /// Runs the runner against a backend with every probe on and no scenarios unless given.
    static func run(_ backend: any Responder, options: ConformanceRunner.Options = .init(), scenarios: [Scenario] = []) async -> ConformanceReport {
        await ConformanceRunner(contract: contract, backend: backend, options: options, scenarios: scenarios, now: { 0 }).run()
    }

    /// The results of one endpoint's checks.
    static func results(_ report: ConformanceReport, endpoint: String, check: String = "valid") -> [CheckResult] {
        report.results.filter { $0.endpointID == endpoint && $0.name == check }
    }
}

/// A backend that passes requests to another and rewrites the responses of one endpoint.
struct TamperingResponder: Responder {
    let inner: any Responder
    let checker: ExchangeChecker
    let endpointID: String?
    let tamper: @Sendable (HTTPResponse) -> HTTPResponse

    init(inner: any Responder, endpointID: String?, tamper: @escaping @Sendable (HTTPResponse) -> HTTPResponse) {
        self.inner = inner
        self.checker = ExchangeChecker(contract: RunnerFixtures.contract)
        self.endpointID = endpointID
        self.tamper = tamper
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let response = await inner.respond(to: request)
        guard case .routed(let routed) = checker.route(request), endpointID == nil || routed.endpoint.id == endpointID,
              response.status.code == 200 else { return response }
        return tamper(response)
    }

    /// Rewrites a JSON body with `edit`.
    static func editingJSON(_ edit: @escaping @Sendable (JSONValue) -> JSONValue) -> @Sendable (HTTPResponse) -> HTTPResponse {
        { response in
            guard let document = try? JSONParser().parse(response.body) else { return response }
            var edited = response
            edited.body = JSONWriter(style: .compact).bytes(edit(document.value()))
            return edited
        }
    }
}
