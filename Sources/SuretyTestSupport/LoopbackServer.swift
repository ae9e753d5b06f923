import Foundation
import SuretyHTTPCore
import SuretyHTTPTransport

/// Runs a responder on 127.0.0.1 on a free port for the length of a test body, and always stops it.
public enum LoopbackServer {
    /// Starts `responder`, passes the base URL (`http://127.0.0.1:PORT`) to `body`, then stops the server.
    public static func with<T: Sendable>(
        _ responder: any Responder, limits: HTTPLimits = .default, timeouts: HTTPTimeouts = .default,
        _ body: (String) async throws -> T
    ) async throws -> T {
        let server = HTTPServer(host: "127.0.0.1", port: 0, limits: limits, timeouts: timeouts, responder: responder)
        let port = try server.start()
        do {
            let result = try await body("http://127.0.0.1:\(port)")
            await server.stop(gracePeriod: .seconds(2))
            return result
        } catch {
            await server.stop(gracePeriod: .milliseconds(200))
            throw error
        }
    }
}
