import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON

/// A client that keeps every exchange, so a scenario can assert no violations and which endpoints and states it saw.
final class RecordingClient {
    var client: EmulatorClient
    private(set) var log: [(endpoint: String, exchange: EmulatorClient.Exchange)] = []

    init(backend: EmulatedBackend) {
        client = EmulatorClient(backend: backend)
    }

    /// Sends and records; returns the exchange.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) -> EmulatorClient.Exchange {
        let exchange = client.send(method, path, body)
        let request = HTTPRequest(method: method, target: path.replacingOccurrences(of: "{t}", with: client.tenant))
        var id = "?"
        if case .routed(let routed) = EmulatorTestSupport.checker.route(request) { id = routed.endpoint.id }
        log.append((id, exchange))
        return exchange
    }

    /// PATCH `/policy/{t}/transactions/{locator}/{operation}` and the state reached.
    @discardableResult
    func operate(_ locator: String, _ operation: String, query: String = "", _ body: String? = nil) -> String? {
        send(.patch, "/policy/{t}/transactions/\(locator)/\(operation)\(query)", body).json["transactionState"]?.stringValue
    }

    /// Creates a transaction with `kind` on a policy and answers its locator.
    func create(_ policy: String, _ kind: String, _ body: String) -> String {
        send(.patch, "/policy/{t}/policies/\(policy)/\(kind)", body).json["locator"]?.stringValue ?? "missing"
    }

    /// Every violation recorded.
    var violations: [String] { log.flatMap { entry in entry.exchange.violations.map { "\(entry.endpoint): \($0)" } } }
}
