import SuretyConformance
import SuretyHTTPCore

/// In front of a proxy or recorder whose upstream is itself a Surety server, sends Surety's admin routes on to the
/// upstream, so a `surety check` run through the recorder resets, reads and drives the emulator behind it exactly as
/// a direct run would (and its health says what the upstream is). The recorder's own admin routes move under
/// ``SuretyRoutes/recorderPrefix`` (`/__surety/recorder/health`, `…/violations`, `…/reset`), a name no Surety server uses.
///
/// Admin exchanges are never recorded: this layer answers them before the recorder sees them.
public struct AdminForwarder<Inner: ContextResponder>: ContextResponder {
    /// The responder below (the admin routes, then the mode).
    public let inner: Inner
    /// The upstream Surety server.
    public let upstream: any Responder

    /// Forwards admin routes to `upstream`, the rest to `inner`.
    public init(inner: Inner, upstream: any Responder) {
        self.inner = inner
        self.upstream = upstream
    }

    /// Answers an admin request through the upstream, one of the recorder's own through `inner`, the rest through `inner`.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        guard SuretyRoutes.isAdmin(request) else { return await inner.respond(to: request, context: context) }
        guard request.path.hasPrefix(SuretyRoutes.recorderPrefix) else { return await upstream.respond(to: request) }
        var own = request
        own.target = SuretyRoutes.adminPrefix + String(request.target.dropFirst(SuretyRoutes.recorderPrefix.count))
        return await inner.respond(to: own, context: context)
    }
}
