import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyServing

extension ServeCommand {
    /// When the upstream of a proxy or recorder answers `GET /__surety/health` as a Surety server, the upstream to
    /// send the admin routes on to (``AdminForwarder``) and `note` joined with the start-up note that says so; nil and
    /// `note` when it is not Surety's (its admin routes then stay this server's own).
    func forwardingAdmin(to url: URL, note: String?) async -> (upstream: (any Responder)?, note: String?) {
        let upstream = UpstreamClient(baseURL: url, timeout: .seconds(5))
        guard let health = try? await upstream.forward(HTTPRequest(method: .get, target: SuretyRoutes.health, headers: ["Accept": "application/json"])),
              let mode = BackendIdentity(healthStatus: health.status.code, body: health.body).suretyMode else { return (nil, note) }
        let forwarding = "the upstream is a Surety server (\(mode)): /__surety/ routes go to it; this server's own are under \(SuretyRoutes.recorderPrefix)"
        return (upstream, [note, forwarding].compactMap { $0 }.joined(separator: "; "))
    }
}
