import SuretyConformance
import SuretyHTTPCore

/// Judges a stub before it is pinned: its pattern must name an endpoint of the contract and its response must be
/// one that endpoint may answer.
public enum StubCheck {
    /// Every violation of the stub, as the reports print them; empty when the contract allows it.
    public static func violations(of stub: Stub, checker: ExchangeChecker) -> [String] {
        if stub.delay > Stub.maxDelay { return ["a delay of at most \(Stub.maxDelay), not \(stub.delay)"] }
        let request = HTTPRequest(method: HTTPMethod(rawValue: stub.method), target: stub.path)
        switch checker.route(request) {
        case .routed(let routed):
            return checker.checkResponse(stub.response, to: routed).violations.filter(\.isError).map { violation in
                "\(routed.endpoint.id): \(violation)"
            }
        case .methodNotAllowed(let allowed):
            return ["\(stub.path) answers \(allowed.joined(separator: ", ")) in the contract, not \(stub.method)"]
        case .notFound(let nearest):
            return ["no endpoint of the contract at \(stub); nearest: " + nearest.map(\.route).joined(separator: ", ")]
        }
    }
}
