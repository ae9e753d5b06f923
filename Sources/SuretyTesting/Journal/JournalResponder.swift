import SuretyConformance
import SuretyHTTPCore

/// The session's outermost layer: routes each request once, hands the routing to the stack, and writes the
/// exchange to the journal (Surety's own `/__surety/` routes are not the code under test's, so they are left out).
struct JournalResponder: Responder {
    let journal: Journal
    let checker: ExchangeChecker
    let inner: any Responder

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard !SuretyRoutes.isAdmin(request) else { return await inner.respond(to: request) }
        let routing = checker.route(request)
        let response: HTTPResponse
        if let routed = inner as? any RoutedResponder {
            response = await routed.respond(to: request, routing: routing)
        } else {
            response = await inner.respond(to: request)
        }
        var endpointID: String?
        if case .routed(let routed) = routing { endpointID = routed.endpoint.id }
        journal.record(method: request.method.rawValue, target: request.target, endpointID: endpointID, status: response.status.code)
        return response
    }
}
