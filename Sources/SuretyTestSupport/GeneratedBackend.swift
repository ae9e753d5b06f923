import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// A small stateless backend generated from the contract, for tests that need a conforming backend without the mock
/// or the emulator (it was `surety check`'s in-process backend before those were wired in).
///
/// Each routed request answers 200 with an example of `endpoint.responseType(status: 200, extended:)` drawn from
/// the seed and the request line, so the same request gives the same bytes. It is wrapped in
/// ``ValidatingResponder``, which answers 404, 405 and 400 for requests that break the contract. With
/// ``Authentication`` it answers 401 without a known bearer token and 403 without the endpoint's permission; the
/// ``ConformanceRunner/unknownLocator`` answers 404, or an empty list where the contract documents one.
public struct GeneratedBackend: SynchronousResponder {
    /// Bearer tokens the backend knows and the permissions each holds (`group.permission`).
    public struct Authentication: Sendable, Hashable {
        /// Permissions by token.
        public var permissions: [String: Set<String>]

        /// Creates the table of tokens.
        public init(permissions: [String: Set<String>]) {
            self.permissions = permissions
        }
    }

    /// The validating wrapper around the generator.
    let validating: StackEntry<ValidatingResponder<ContextFree<Generator>>>

    /// Creates a backend for a contract.
    public init(contract: Contract, seed: UInt64 = 0, optional: ExampleGenerator.OptionalProperties = .random,
                authentication: Authentication? = nil) {
        let checker = ExchangeChecker(contract: contract)
        let generator = Generator(checker: checker, seed: seed,
                                  examples: ExampleGenerator(schemas: contract.schemas, optional: optional),
                                  authentication: authentication)
        validating = StackEntry(root: ValidatingResponder(checker: checker, inner: ContextFree(generator)), checker: checker)
    }

    /// Routes, validates and answers the request.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        validating.respondSynchronously(to: request)
    }

    /// The unvalidated generator.
    struct Generator: SynchronousResponder {
        let checker: ExchangeChecker
        let seed: UInt64
        let examples: ExampleGenerator
        let authentication: Authentication?

        func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
            guard case .routed(let routed) = checker.route(request) else {
                return Problem(status: .notFound, title: "No such route").response
            }
            let endpoint = routed.endpoint
            if let authentication {
                let header = request.headers["Authorization"] ?? ""
                let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : ""
                guard let held = authentication.permissions[token] else {
                    return Problem(status: HTTPStatus(code: 401), title: "Missing or invalid token").response
                }
                guard endpoint.security.qualifiedPermissions.contains(where: held.contains) else {
                    return Problem(status: HTTPStatus(code: 403), title: "Missing permission",
                                   detail: "\(endpoint.id) needs one of \(endpoint.security)").response
                }
            }
            guard let type = endpoint.responseType(status: 200, extended: routed.wantsExtended) else {
                return Problem(status: .internalServerError, title: "The endpoint documents no 200 response").response
            }
            if routed.pathParameters.values.contains(ConformanceRunner.unknownLocator) {
                guard endpoint.list?.unknownReference == .emptyList else {
                    return Problem(status: .notFound, title: "No such locator").response
                }
                let empty: JSONValue = routed.wantsExtended || endpoint.list?.extended == false
                    ? .object(["items": [], "listCompleted": true]) : []
                return HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter(style: .compact).bytes(empty))
            }
            if type == .empty { return HTTPResponse(status: .ok) }
            var random = SeededRandom(seed: seed, key: "\(request.method.rawValue) \(request.target)")
            let body = type == .unspecified ? JSONValue.object([]) : examples.example(of: type, random: &random)
            return HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter(style: .compact).bytes(body))
        }
    }
}
