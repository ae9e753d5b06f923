import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyHTTPCore

/// Forwards an ``HTTPRequest`` to an upstream base URL over URLSession and returns its ``HTTPResponse``.
///
/// The request's target is appended to the base URL's path (`https://api.example.com/v1` +
/// `/jobs?x=1`). Hop-by-hop fields (RFC 9110 §7.6.1) and `Host` are not forwarded. An `http://` upstream is
/// spoken to over a socket of its own (``PlainUpstream``): exactly the client's fields and body are sent, whatever
/// the method, and the response's fields, bytes and encoding come back as sent. An `https://` upstream goes through
/// URLSession, with `Accept-Encoding: identity` so bodies arrive as stored and response fields sorted by name
/// (URLSession keeps no order). Redirects are returned, never followed.
public struct UpstreamClient: Sendable {
    /// The URL requests are forwarded under.
    public let baseURL: URL
    /// The most a forwarded request may take, from sending to the last body byte.
    public let timeout: Duration
    private let session: URLSession
    /// The socket client of an `http://` base URL; nil for `https://`.
    private let plain: PlainUpstream?

    /// Creates a client for `baseURL` with a whole-request `timeout` (default 30 s).
    public init(baseURL: URL, timeout: Duration = .seconds(30)) {
        self.baseURL = baseURL
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        // The client enforces `timeout` itself (corelibs Foundation mishandles sub-second intervals);
        // URLSession's own timeouts are only a backstop, rounded up to whole seconds.
        let backstop = (Double(timeout.nanoseconds) / 1e9).rounded(.up) + 1
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        if baseURL.scheme?.lowercased() == "http", let host = baseURL.host {
            let port = UInt16(clamping: baseURL.port ?? 80)
            var path = baseURL.path
            while path.hasSuffix("/") { path.removeLast() }
            plain = PlainUpstream(host: host, port: port, authority: baseURL.port.map { "\(host):\($0)" } ?? host,
                                  basePath: path, timeout: timeout)
        } else {
            plain = nil
        }
    }

    /// Runs the blocking exchange on a thread of its own, so no task waits on a socket.
    private static func forward(_ request: HTTPRequest, over plain: PlainUpstream) async throws(UpstreamError) -> HTTPResponse {
        let result: Result<HTTPResponse, UpstreamError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(UpstreamError) {
                    continuation.resume(returning: .success(try plain.exchange(request)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        var response = try result.get()
        response.headers = HTTPFields(response.headers.filter { !isHopByHop($0.name) && !HTTPFields.namesEqual($0.name, "Content-Length") })
        return response
    }

    /// The request's end-to-end fields, in order: no hop-by-hop field, none the `Connection` field names, and no
    /// `Host` or `Content-Length`, which the forwarding sets (RFC 9110 §7.6.1).
    static func endToEndFields(of request: HTTPRequest) -> [HTTPField] {
        let connectionTokens = request.headers.values(for: "Connection").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return request.headers.filter { field in
            !isHopByHop(field.name) && !HTTPFields.namesEqual(field.name, "Host") && !HTTPFields.namesEqual(field.name, "Content-Length")
                && !connectionTokens.contains(where: { HTTPFields.namesEqual($0, field.name) })
        }
    }

    /// Sends `request` upstream and returns the upstream's response, or a typed error.
    public func forward(_ request: HTTPRequest) async throws(UpstreamError) -> HTTPResponse {
        if let plain { return try await Self.forward(request, over: plain) }
        let urlRequest = try makeURLRequest(for: request)
        let (data, http) = try await send(urlRequest)
        var headers = HTTPFields()
        let fields = http.allHeaderFields.compactMap { key, value -> (String, String)? in
            guard let name = key as? String, let value = value as? String else { return nil }
            return (name, value)
        }
        for (name, value) in fields.sorted(by: { $0.0.lowercased() < $1.0.lowercased() })
        where !Self.isHopByHop(name) && !HTTPFields.namesEqual(name, "Content-Length")
            && !HTTPFields.namesEqual(name, "Content-Encoding") {  // URLSession already decoded the body
            headers.append(name: name, value: value)
        }
        return HTTPResponse(status: HTTPStatus(code: http.statusCode), headers: headers, body: Array(data))
    }

    /// Builds the URLRequest: base URL + target, method, end-to-end fields and body.
    func makeURLRequest(for request: HTTPRequest) throws(UpstreamError) -> URLRequest {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let target = request.query.map { request.path + "?" + $0 } ?? request.path
        let text = base + (target.hasPrefix("/") ? target : "/" + target)
        guard let url = URL(string: text) else { throw .invalidURL(String(text.prefix(200))) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        for field in Self.endToEndFields(of: request) where !HTTPFields.namesEqual(field.name, "Accept-Encoding") {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        return urlRequest
    }

    /// Runs one data task, failing with ``UpstreamError/timedOut`` once `timeout` has passed.
    ///
    /// On timeout or task cancellation the data task is cancelled and the caller resumes at once,
    /// without waiting for URLSession to notice.
    private func send(_ urlRequest: URLRequest) async throws(UpstreamError) -> (Data, HTTPURLResponse) {
        let pending = Locked<CheckedContinuation<(Data, HTTPURLResponse), any Error>?>(nil)
        let task = Locked<URLSessionDataTask?>(nil)
        let take: @Sendable () -> CheckedContinuation<(Data, HTTPURLResponse), any Error>? = {
            pending.withLock { continuation in
                defer { continuation = nil }
                return continuation
            }
        }
        let timeout = timeout
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    pending.withLock { $0 = continuation }
                    let dataTask = session.dataTask(with: urlRequest) { data, response, error in
                        guard let continuation = take() else { return }
                        if let error {
                            continuation.resume(throwing: error)
                        } else if let data, let http = response as? HTTPURLResponse {
                            continuation.resume(returning: (data, http))
                        } else {
                            continuation.resume(throwing: UpstreamError.invalidResponse)
                        }
                    }
                    task.withLock { $0 = dataTask }
                    dataTask.resume()
                    DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(clamping: timeout.nanoseconds))) {
                        guard let continuation = take() else { return }
                        dataTask.cancel()
                        continuation.resume(throwing: UpstreamError.timedOut)
                    }
                }
            } onCancel: {
                task.withLock { $0 }?.cancel()
            }
        } catch let error as UpstreamError {
            throw error
        } catch {
            throw Self.classify(error)
        }
    }

    /// Whether `name` is a hop-by-hop field that a proxy must not forward (RFC 9110 §7.6.1).
    static func isHopByHop(_ name: String) -> Bool {
        ["Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
         "Proxy-Authenticate", "Proxy-Authorization"].contains { HTTPFields.namesEqual($0, name) }
    }

    private static func classify(_ error: any Error) -> UpstreamError {
        if error is CancellationError { return .cancelled }
        guard let urlError = error as? URLError else { return .transport(code: -1) }
        switch urlError.code {
        case .timedOut: return .timedOut
        case .cancelled: return .cancelled
        case .cannotConnectToHost, .cannotFindHost, .networkConnectionLost, .notConnectedToInternet, .dnsLookupFailed:
            return .connectionFailed(code: urlError.code.rawValue)
        case .badServerResponse, .cannotParseResponse: return .invalidResponse
        default: return .transport(code: urlError.code.rawValue)
        }
    }
}

extension UpstreamClient: Responder {
    /// Forwards the request; failures become a 502 or 504 in the project's error shape.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        do {
            return try await forward(request)
        } catch {
            return .problem(status: error.status, title: error.title)
        }
    }
}

/// Tells URLSession to hand redirects back instead of following them, as a proxy must.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
