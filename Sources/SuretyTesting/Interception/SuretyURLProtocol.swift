import SuretyServing
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyHTTPCore

/// The interceptor a session's `URLSession` lists in `protocolClasses`: it answers each request that carries a live
/// session's id from that session's stack, in-process, and never opens a socket.
///
/// Each instance answers one request from a task; see ``Delivery`` for why handing it to that task is safe.
public final class SuretyURLProtocol: URLProtocol {
    private let answering = Locked<Task<Void, Never>?>(nil)

    /// The protocol instance as the answering task holds it.
    ///
    /// `@unchecked Sendable` is safe because the task only calls `deliver`, which reads `URLProtocol`'s `client`, set by
    /// the URL loading system before `startLoading` and never changed after, and calls the client once, as
    /// `URLProtocolClient` allows from any thread; the one state this class adds is behind `answering`'s lock.
    private struct Delivery: @unchecked Sendable {
        let owner: SuretyURLProtocol
    }

    /// Every request: the class is listed only by a session's configuration, and a request that names no live
    /// session fails rather than reaching the network.
    override public class func canInit(with request: URLRequest) -> Bool {
        true
    }

    /// The request unchanged.
    override public class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    /// Answers the request from its session's stack.
    override public func startLoading() {
        guard let id = SessionRegistry.sessionID(of: request), let session = SessionRegistry.session(id) else {
            let reason = "SuretyTesting: \(request.url?.absoluteString ?? "the request") names no live session; build the client on session.baseURL"
            client?.urlProtocol(self, didFailWithError: URLError(.cannotConnectToHost, userInfo: [NSLocalizedDescriptionKey: reason]))
            return
        }
        let request = HTTPRequest(self.request, removing: SessionRegistry.header)
        let url = self.request.url ?? session.baseURL
        let delivery = Delivery(owner: self)
        answering.withLock { answering in
            answering = Task {
                let response = await session.respond(to: request)
                guard !Task.isCancelled else { return }
                delivery.owner.deliver(response, for: url)
            }
        }
    }

    /// Abandons the answer.
    override public func stopLoading() {
        answering.withLock { $0?.cancel() }
    }

    private func deliver(_ response: HTTPResponse, for url: URL) {
        var fields: [String: String] = [:]
        for field in response.headers { fields[field.name] = fields[field.name].map { $0 + ", " + field.value } ?? field.value }
        fields["Content-Length"] = String(response.body.count)
        guard let answer = HTTPURLResponse(url: url, statusCode: response.status.code, httpVersion: "HTTP/1.1", headerFields: fields) else {
            client?.urlProtocol(self, didFailWithError: URLError(.badServerResponse))
            return
        }
        client?.urlProtocol(self, didReceive: answer, cacheStoragePolicy: .notAllowed)
        if !response.body.isEmpty { client?.urlProtocol(self, didLoad: Data(response.body)) }
        client?.urlProtocolDidFinishLoading(self)
    }
}
