import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Writes one line per request: method, path, endpoint id, status, milliseconds and the violation count.
///
/// Text lines read `GET /policy/…/transactions/01H… fetchTransaction 200 0.42ms violations=0`; JSON lines carry
/// the same as `{"at","method","path","endpoint","status","ms","violations"}` (`at`: RFC 3339, microseconds). A
/// request refused for its violations counts them too.
public struct RequestLogger<Inner: Responder>: RoutedResponder {
    /// The wrapped responder.
    public let inner: Inner
    /// Finds each request's endpoint id.
    public let checker: ExchangeChecker
    /// The line format.
    public let format: RequestLogFormat
    /// Receives each line, without the newline.
    public let write: @Sendable (String) -> Void
    /// The secrets a line's target never shows (query values of secret names are redacted).
    public let secrets: SecretPolicy
    private let next: InnerResponder<Inner>

    /// Wraps `inner`.
    public init(inner: Inner, checker: ExchangeChecker, format: RequestLogFormat, secrets: SecretPolicy = .default,
                write: @escaping @Sendable (String) -> Void) {
        self.secrets = secrets
        self.inner = inner
        self.checker = checker
        self.format = format
        self.write = write
        next = InnerResponder(inner)
    }

    /// Routes the request once, answers through the inner responder (handing it the routing) and logs the exchange.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        return await respond(to: request, routing: routing(of: request), since: start)
    }

    /// The same as ``respond(to:)`` for a request already routed.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        await respond(to: request, routing: routing, since: DispatchTime.now().uptimeNanoseconds)
    }

    private func respond(to request: HTTPRequest, routing: Routing, since start: UInt64) async -> HTTPResponse {
        let response = await next.respond(to: request, routing: routing)
        log(request, routing, response, since: start)
        return response
    }

    /// The request's routing; an admin request, which the contract does not describe, is not routed (looking for the
    /// nearest routes of a path that has none cost milliseconds).
    func routing(of request: HTTPRequest) -> Routing {
        SuretyRoutes.isAdmin(request) ? .notFound(nearest: []) : checker.route(request)
    }

    func log(_ request: HTTPRequest, _ routing: Routing, _ response: HTTPResponse, since start: UInt64) {
        let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1_000
        let milliseconds = "\(micros / 1_000).\(String(micros % 1_000 / 10).leftPadded(to: 2))"
        var endpoint: String?
        if case .routed(let routed) = routing { endpoint = routed.endpoint.id }
        let violations = Int(response.headers[SuretyHeaders.violationCount] ?? "") ?? 0
        let target = secrets.redact(target: request.target)
        switch format {
        case .text:
            write("\(request.method.rawValue) \(target) \(endpoint ?? "-") \(response.status.code) \(milliseconds)ms violations=\(violations)")
        case .json:
            let at = Timestamp(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)).rfc3339(fractional: true)
            write(JSONWriter(style: .compact).string(.object([
                "at": .string(at), "method": .string(request.method.rawValue), "path": .string(target),
                "endpoint": endpoint.map { .string($0) } ?? .null, "status": .integer(response.status.code),
                "ms": .number(JSONNumber(literal: milliseconds)), "violations": .integer(violations),
            ])))
        }
    }
}

extension RequestLogger: SynchronousResponder, SynchronousRoutedResponder where Inner: SynchronousResponder {
    /// Asks the layer below whether it answers this request inline.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        return respondSynchronously(to: request, routing: routing(of: request), since: start)
    }

    /// The same as ``respond(to:routing:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        respondSynchronously(to: request, routing: routing, since: DispatchTime.now().uptimeNanoseconds)
    }

    private func respondSynchronously(to request: HTTPRequest, routing: Routing, since start: UInt64) -> HTTPResponse {
        let response = next.respondSynchronously(to: request, routing: routing)
        log(request, routing, response, since: start)
        return response
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The request log's line format.
public enum RequestLogFormat: String, Sendable, CaseIterable {
    case text, json
}
