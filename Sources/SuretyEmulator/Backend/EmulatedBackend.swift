import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// The stateful fake of the API's policy side: a ``Responder`` that remembers tenants, policies, transactions,
/// segments and terms and applies the business rules of `semantics.md`.
///
/// Requests are routed with the contract; paths outside it answer 404/405 in the ``Problem`` shape (wrap the
/// backend in ``ValidatingResponder`` to also refuse requests that break the contract with 400 and to check every
/// response). Then the bearer token is checked (401/403), the tenant's store is looked up, and the endpoint's handler
/// runs on a copy that is written back only when it succeeds and is not a `stateless` preview.
///
/// ```swift
/// let backend = try EmulatedBackend(contract: contract, clock: .manual(Timestamp(rfc3339: "2024-10-01T00:00:00Z")!))
/// let response = await backend.respond(to: request)
/// ```
public final class EmulatedBackend: SynchronousRoutedResponder, @unchecked Sendable {
    // @unchecked Sendable: `state` and `baseline` are only read or written while `lock` is held, and the other
    // stored properties are immutable `Sendable` values.
    /// The contract requests are routed with.
    public let contract: Contract
    /// The switches in force.
    public let options: EmulatorOptions
    private let router: Router
    private let handlers: [String: EmulatorHandler]
    private let lock = NSLock()
    private var state: EmulatorState
    private var baseline: EmulatorState

    /// Creates a backend holding `fixtures`; locators come from `seed`, time from `clock`.
    public init(contract: Contract, fixtures: EmulatorFixtures = .builtIn, clock: EmulatorClock = .system, seed: UInt64 = 0x5EED,
                options: EmulatorOptions = EmulatorOptions()) throws(FixtureErrors) {
        self.contract = contract
        self.options = options
        self.router = contract.makeRouter()
        self.handlers = EmulatorHandlers.all
        self.state = try EmulatorState(fixtures: fixtures, clock: clock, seed: seed, options: options)
        self.baseline = state
    }

    /// The endpoint ids that have a handler.
    public var implementedEndpointIDs: Set<String> { Set(handlers.keys) }

    /// A copy of the whole state (tests, snapshots).
    public var snapshot: EmulatorState { lock.withLock { state } }

    /// The emulator's current time.
    public func now() -> Timestamp { lock.withLock { state.clock.now() } }

    /// Sets the emulator's time (`POST /__surety/clock`).
    public func setClock(to instant: Timestamp) { lock.withLock { state.clock.set(to: instant) } }

    /// Moves the emulator's time by a number of seconds (`POST /__surety/clock`).
    public func advanceClock(bySeconds seconds: Int64) { lock.withLock { state.clock.advance(bySeconds: seconds) } }

    /// Restores the fixtures, including those added at run time; the clock keeps its time (`POST /__surety/reset`).
    public func reset() {
        lock.withLock {
            let clock = state.clock
            state = baseline
            state.clock = clock
        }
    }

    /// Adds fixtures at run time (`POST /__surety/fixtures`); they survive ``reset()``. Nothing is added on error.
    public func addFixtures(_ fixtures: EmulatorFixtures) throws(FixtureErrors) {
        lock.lock()
        defer { lock.unlock() }
        var updated = state
        try updated.add(fixtures, options: options)
        var updatedBaseline = baseline
        updatedBaseline.ids = updated.ids
        try updatedBaseline.add(fixtures, options: options)
        state = updated
        baseline = updatedBaseline
    }

    /// Answers one request.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        switch router.route(method: request.method == .head ? "GET" : request.method.rawValue, path: request.path) {
        case .notFound:
            return Problem(status: .notFound, title: "No such route", detail: "No endpoint of the contract has this path.").response
        case .methodNotAllowed(let allowed):
            return Problem(status: .methodNotAllowed, title: "Method not allowed", detail: "The path has other methods.", allow: allowed).response
        case .endpoint(let endpoint, let parameters):
            return answer(request, endpoint: endpoint, pathParameters: parameters, queryItems: request.queryItems)
        }
    }

    /// Answers a request routed by a stack over the same contract (``RoutedResponder``), without routing it again.
    public func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        guard case .routed(let routed) = routing else { return respondSynchronously(to: request) }  // its own 404 and 405
        return answer(request, endpoint: routed.endpoint, pathParameters: routed.pathParameters, queryItems: routed.queryItems)
    }

    /// Runs the endpoint's handler on the request's JSON body; every failure becomes its problem response.
    private func answer(_ request: HTTPRequest, endpoint: Endpoint, pathParameters: [String: String],
                        queryItems: [HTTPQueryItem]) -> HTTPResponse {
        do {
            let body = try Self.jsonBody(of: request)
            let call = EmulatorCall(endpoint: endpoint, pathParameters: pathParameters, queryItems: queryItems, body: body)
            let reply = try handle(call, authorization: request.headers["Authorization"])
            return HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter(style: .compact).bytes(reply))
        } catch {
            return error.problem.response
        }
    }

    /// Authenticates, authorises and runs the endpoint's handler under the lock.
    func handle(_ call: EmulatorCall, authorization: String?) throws(EmulatorError) -> JSONValue {
        let tenant = call.path("tenantLocator").lowercased()
        lock.lock()
        defer { lock.unlock() }
        let user = try authorize(call.endpoint, tenant: tenant, authorization: authorization)
        guard let handler = handlers[call.endpoint.id] else {
            throw .unprocessable(reason: "The emulator does not implement \(call.endpoint.id).")
        }
        guard var store = state.tenants[tenant] else { throw .notFound(kind: "tenant", locator: tenant) }
        var context = OperationContext(now: state.clock.now(), user: user, ids: state.ids, options: options)
        let reply = try handler(&store, &context, call)
        if !reply.discardChanges {
            state.tenants[tenant] = store
            state.ids = context.ids
        }
        return reply.body
    }

    /// The acting user, or 401/403 (`semantics.md` §4.5: any one listed permission suffices).
    func authorize(_ endpoint: Endpoint, tenant: String, authorization: String?) throws(EmulatorError) -> String {
        if options.noAuth { return options.anonymousUser }
        guard let header = authorization, header.count > 7, header.prefix(7).lowercased() == "bearer " else { throw .missingToken }
        guard let token = state.tokens[String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)] else { throw .unknownToken }
        guard token.holds(tenant: tenant) else { throw .tenantNotHeld(tenant: tenant) }
        let required = endpoint.security.qualifiedPermissions
        guard token.grantsAny(of: required) else { throw .missingPermission(required: required) }
        return token.userLocator
    }

    /// The request body as JSON; nil when empty; 400 with line and column when it is not JSON.
    static func jsonBody(of request: HTTPRequest) throws(EmulatorError) -> JSONValue? {
        guard !request.body.isEmpty else { return nil }
        do {
            return try JSONParser().parse(request.body).value()
        } catch {
            throw .invalidBody(pointer: .root, reason: "not JSON: line \(error.line), column \(error.column): \(error.message)")
        }
    }
}
