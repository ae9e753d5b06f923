import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON

/// Answers Surety's own routes under `/__surety/` and passes every other request to the inner responder.
///
/// `GET /__surety/health`, `GET /__surety/routes`, `GET /__surety/violations`, `POST /__surety/reset`, plus the
/// extra routes a mode adds (the emulator's fixtures and clock). The prefix cannot collide with the API, whose paths
/// all start with a service name.
public struct AdminResponder<Inner: ContextResponder>: ContextResponder {
    /// The path prefix of the admin routes.
    public static var prefix: String { SuretyRoutes.adminPrefix }

    /// The wrapped responder.
    public let inner: Inner
    /// What the admin routes report on and act upon.
    public let context: AdminContext

    /// Wraps `inner`.
    public init(inner: Inner, context: AdminContext) {
        self.inner = inner
        self.context = context
    }

    /// Answers an admin route (off the event loop when its routes may write to disk), or asks the inner responder.
    public func respond(to request: HTTPRequest, context requestContext: RequestContext) async -> HTTPResponse {
        guard SuretyRoutes.isAdmin(request) else { return await inner.respond(to: request, context: requestContext) }
        guard context.routesMayBlock else { return context.answer(request) }
        return await BlockingWork.run { context.answer(request) }
    }
}

extension AdminResponder: SynchronousContextResponder where Inner: SynchronousContextResponder {
    /// An admin request inline unless its routes may write to disk; the rest as the layer below says.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        SuretyRoutes.isAdmin(request) ? !context.routesMayBlock : inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:context:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, context requestContext: RequestContext) -> HTTPResponse {
        if SuretyRoutes.isAdmin(request) { return context.answer(request) }
        return inner.respondSynchronously(to: request, context: requestContext)
    }
}

/// What the admin routes know: the mode, the contract, the violation log, what a reset restores, extra routes, and
/// the door every route but the health one is behind.
public struct AdminContext: Sendable {
    /// An extra admin route's handler.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The serving mode's name (`mock`, `proxy`, `replay`, `record`, `emulate`).
    public var mode: String
    /// The contract served.
    public var contract: Contract
    /// The violations seen.
    public var log: ViolationLog
    /// Run on `POST /__surety/reset`, after the log is cleared.
    public var resets: [@Sendable () -> Void]
    /// Extra routes by `METHOD /__surety/name`.
    public var routes: [String: Handler]
    /// When the server started.
    public var startedAt: Date
    /// What `GET /__surety/health` says of the server besides its mode: nothing secret and no tenant's data (the
    /// emulator says whether it holds the documented built-in fixtures, the mock how it checks tokens).
    public var healthDetails: [JSONMember] = []
    /// Who may use the routes that change or reveal server state (all but `GET /__surety/health`).
    public var door: AdminDoor
    /// Whether a route may wait on I/O (a journaled emulator writes its resets, clock and fixtures to disk), so the
    /// routes are answered off the event loop.
    public var routesMayBlock = false

    /// Creates a context whose routes `door` guards.
    public init(mode: String, contract: Contract, log: ViolationLog, door: AdminDoor, resets: [@Sendable () -> Void] = [],
                routes: [String: Handler] = [:], startedAt: Date = Date()) {
        self.door = door
        self.mode = mode
        self.contract = contract
        self.log = log
        self.resets = resets
        self.routes = routes
        self.startedAt = startedAt
    }

    /// The built-in routes and the extra ones, `METHOD /path`, sorted.
    public var routeList: [String] {
        (["GET /__surety/health", "GET /__surety/routes", "GET /__surety/violations", "POST /__surety/reset"]
            + routes.keys).sorted()
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        let method = request.routingMethod
        let route = "\(method) \(request.path)"
        if let refusal = door.refusal(of: request, route: route) { return refusal }
        switch route {
        case "GET /__surety/health": return json(health)
        case "GET /__surety/routes": return json(.array(contract.endpoints.map(Self.routeValue)))
        case "GET /__surety/violations": return json(violations)
        case "POST /__surety/reset":
            log.reset()
            for reset in resets { reset() }
            return json(.object(["reset": true, "mode": .string(mode)]))
        default:
            if let handler = routes[route] { return handler(request) }
            if method == "GET", request.path.hasPrefix(SuretyRoutes.adminPrefix + "violations/") {
                guard let sequence = Int(request.path.dropFirst(SuretyRoutes.adminPrefix.count + "violations/".count)),
                      let entry = log.entry(sequence: sequence) else {
                    return Problem(status: .notFound, title: "No such exchange", detail: "The violation list keeps the last exchanges with violations only.").response
                }
                return json(Self.entryValue(entry))
            }
            let pathKnown = routeList.contains { $0.hasSuffix(" " + request.path) }
            let problem = pathKnown
                ? Problem(status: .methodNotAllowed, title: "Method not allowed",
                          allow: routeList.filter { $0.hasSuffix(" " + request.path) }.map { String($0.prefix { $0 != " " }) })
                : Problem(status: .notFound, title: "No such admin route", nearest: routeList)
            return problem.response
        }
    }

    private var health: JSONValue {
        let snapshot = log.snapshot()
        let members: [JSONMember] = [
            JSONMember(key: "server", value: .string(SuretyRoutes.serverName)), JSONMember(key: "status", value: "ok"),
            JSONMember(key: "mode", value: .string(mode)), JSONMember(key: "endpoints", value: .integer(contract.endpoints.count)),
            JSONMember(key: "uptimeSeconds", value: .number(JSONNumber((Date().timeIntervalSince(startedAt) * 1000).rounded() / 1000))),
            JSONMember(key: "exchanges", value: .integer(snapshot.exchanges)), JSONMember(key: "violations", value: .integer(snapshot.violations)),
        ]
        return .object(members + healthDetails)
    }

    private var violations: JSONValue {
        let snapshot = log.snapshot()
        return .object([
            "exchanges": .integer(snapshot.exchanges), "violations": .integer(snapshot.violations),
            "entries": .array(snapshot.entries.map(Self.entryValue)),
        ])
    }

    /// One exchange of the violation list, as `GET /__surety/violations` and `…/violations/{sequence}` show it.
    static func entryValue(_ entry: ViolationLog.Entry) -> JSONValue {
        .object([
            "sequence": .integer(entry.sequence), "method": .string(entry.method), "target": .string(entry.target),
            "endpoint": entry.endpointID.map { .string($0) } ?? .null, "status": .integer(entry.status),
            "violations": .array(entry.violations.map(\.jsonValue)), "violationsNotListed": .integer(entry.notListed),
        ])
    }

    static func routeValue(_ endpoint: Endpoint) -> JSONValue {
        .object([
            "id": .string(endpoint.id), "method": .string(endpoint.method), "path": .string(endpoint.path.text),
            "security": .string(endpoint.security.description), "deprecated": .bool(endpoint.isDeprecated),
        ])
    }

    private func json(_ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter(style: .compact).bytes(value))
    }
}
