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
public struct RequestLogger<Inner: ContextResponder>: ContextResponder {
    /// The wrapped responder.
    public let inner: Inner
    /// The line format.
    public let format: RequestLogFormat
    /// Receives each line, without the newline.
    public let write: @Sendable (String) -> Void
    /// The secrets a line's target never shows (query values of secret names are redacted).
    public let secrets: SecretPolicy

    /// Wraps `inner`; its stack's top must stamp each request's arrival (``StackEntry/stampsArrival``).
    public init(inner: Inner, format: RequestLogFormat, secrets: SecretPolicy = .default, write: @escaping @Sendable (String) -> Void) {
        self.secrets = secrets
        self.inner = inner
        self.format = format
        self.write = write
    }

    /// Answers through the inner responder and logs the exchange.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        let response = await inner.respond(to: request, context: context)
        log(request, context, response)
        return response
    }

    func log(_ request: HTTPRequest, _ context: RequestContext, _ response: HTTPResponse) {
        let micros = (DispatchTime.now().uptimeNanoseconds - context.receivedAt) / 1_000
        let milliseconds = "\(micros / 1_000).\(String(micros % 1_000 / 10).leftPadded(to: 2))"
        let endpoint = context.endpointID
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

extension RequestLogger: SynchronousContextResponder where Inner: SynchronousContextResponder {
    /// Asks the layer below whether it answers this request inline.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:context:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        let response = inner.respondSynchronously(to: request, context: context)
        log(request, context, response)
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
