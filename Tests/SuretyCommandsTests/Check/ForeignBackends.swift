import Foundation
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyTestSupport

/// Backends that Surety did not make, for `surety check` to be tried against: their own error shapes, no
/// `/__surety/` routes, and a log of what they received.
enum ForeignBackends {
    /// The fixtures `Tests/Fixtures/foreign-backend/fixtures.json` hold: another tenant, product, currency, time zone
    /// and locators than the built-in ones.
    static let fixtures = TestRepository.root + "/Tests/Fixtures/foreign-backend/fixtures.json"
    static let tenant = "c0ffee00-1234-4abc-8def-00000000beef"
    static let token = "acme-staging-ci"
    static let policy = "01HZX4MAC7N3V5B6X8Z9A1S2D3"

    /// Answers every request with one status and a body in a gateway's own shape (not the contract's).
    struct FixedStatus: Responder {
        let status: Int

        func respond(to request: HTTPRequest) async -> HTTPResponse {
            HTTPResponse(status: HTTPStatus(code: status), jsonText: #"{"message":"request refused by the gateway","code":\#(status)}"#)
        }
    }

    /// Serves `inner` under a path prefix (`/api/v2/policy/…`); any other path is a 404, as a reverse proxy answers.
    struct Prefixed<Inner: Responder>: Responder {
        let prefix: String
        let inner: Inner

        func respond(to request: HTTPRequest) async -> HTTPResponse {
            guard request.target.hasPrefix(prefix + "/") else { return HTTPResponse(status: .notFound, text: "Not Found") }
            var forwarded = request
            forwarded.target = String(request.target.dropFirst(prefix.count))
            return await inner.respond(to: forwarded)
        }
    }

    /// Forwards to an upstream but hides its `/__surety/` routes (a 404, as any other backend answers an unknown
    /// path), so the runner cannot recognise the upstream as Surety's; logs every method it received.
    struct HidingProxy: Responder {
        let upstream: UpstreamClient
        let log: MethodLog

        func respond(to request: HTTPRequest) async -> HTTPResponse {
            await log.add(request.method.rawValue, request.path)
            if request.path.hasPrefix("/__surety/") { return HTTPResponse(status: .notFound, text: "Not Found") }
            do { return try await upstream.forward(request) } catch { return HTTPResponse(status: .badGateway, text: "bad gateway") }
        }
    }

    /// What a backend received, method and path, in order.
    actor MethodLog {
        private(set) var requests: [(method: String, path: String)] = []

        func add(_ method: String, _ path: String) { requests.append((method, path)) }

        /// The methods received, but for the listed ones.
        func methods(except allowed: Set<String>) -> [String] { requests.map(\.method).filter { !allowed.contains($0) } }
    }

    /// Starts `surety serve` with `arguments` on port 0 and returns it with its base URL.
    static func serve(_ arguments: [String]) async throws -> (RunningProcess, String) {
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--quiet", "--contracts", TestRepository.contracts] + arguments)
        guard let line = await process.readLine(timeout: 60), let url = line.split(separator: " ").last.map(String.init) else {
            throw Failure(reason: "surety serve printed no address")
        }
        return (process, url)
    }

    /// A test's own failure.
    struct Failure: Error {
        var reason: String
    }
}
