import SuretyConformance
import SuretyHTTPCore

/// Answers browsers' cross-origin requests by a ``CORSPolicy``: a preflight (`OPTIONS` with
/// `Access-Control-Request-Method`) gets 204 allowing the method and headers asked for; every other answer to an
/// allowed origin, errors included, gets `Access-Control-Allow-Origin`. Surety's admin routes (`/__surety/…`) never
/// answer a cross-origin request (403), so a web page cannot reset, reconfigure or read the server.
///
/// A request without `Origin` (every non-browser client) passes straight through: one header look-up.
public struct CORSResponder<Inner: ContextResponder>: ContextResponder {
    /// The wrapped responder.
    public let inner: Inner
    /// Which origins are allowed.
    public let policy: CORSPolicy

    /// Wraps `inner`.
    public init(inner: Inner, policy: CORSPolicy) {
        self.inner = inner
        self.policy = policy
    }

    /// What to do with a request before the inner responder sees it.
    enum Decision {
        case pass
        case answer(HTTPResponse)
        case decorate(origin: String)
    }

    func decide(_ request: HTTPRequest) -> Decision {
        guard let origin = request.headers["Origin"], !CORSPolicy.isSameOrigin(origin, host: request.headers["Host"]) else { return .pass }
        if SuretyRoutes.isAdmin(request) {
            return .answer(Problem(status: .forbidden, title: "Cross-origin request refused",
                                   detail: "Surety's admin routes answer no cross-origin request.").response)
        }
        guard policy.allows(origin) else { return .pass }
        if request.method == .options, let method = request.headers["Access-Control-Request-Method"] {
            var response = HTTPResponse(status: HTTPStatus(code: 204))
            response.headers.append(name: "Access-Control-Allow-Methods", value: method)
            if let headers = request.headers["Access-Control-Request-Headers"] {
                response.headers.append(name: "Access-Control-Allow-Headers", value: headers)
            }
            response.headers.append(name: "Access-Control-Max-Age", value: String(CORSPolicy.maxAgeSeconds))
            return .answer(decorated(response, origin: origin))
        }
        return .decorate(origin: origin)
    }

    /// The response with the headers that let the page read it.
    func decorated(_ response: HTTPResponse, origin: String) -> HTTPResponse {
        var response = response
        response.headers.removeAll(named: "Access-Control-Allow-Origin")
        response.headers.append(name: "Access-Control-Allow-Origin", value: origin)
        response.headers.append(name: "Vary", value: "Origin")
        if response.status.code != 204 {
            response.headers.append(name: "Access-Control-Expose-Headers", value: CORSPolicy.exposedHeaders.joined(separator: ", "))
        }
        return response
    }

    /// Answers a preflight or an admin refusal itself, else asks the inner responder and decorates its answer.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        switch decide(request) {
        case .pass: return await inner.respond(to: request, context: context)
        case .answer(let response): return response
        case .decorate(let origin): return decorated(await inner.respond(to: request, context: context), origin: origin)
        }
    }
}

extension CORSResponder: SynchronousContextResponder where Inner: SynchronousContextResponder {
    /// Asks the layer below whether it answers this request inline.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:context:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        switch decide(request) {
        case .pass: return inner.respondSynchronously(to: request, context: context)
        case .answer(let response): return response
        case .decorate(let origin): return decorated(inner.respondSynchronously(to: request, context: context), origin: origin)
        }
    }
}
