import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyHTTPCore

extension HTTPRequest {
    /// The request a `URLRequest` sends, its body read from `httpBody` or `httpBodyStream`, without the session's
    /// header; fields are sorted by name, since `URLRequest` keeps no order.
    init(_ request: URLRequest, removing header: String) {
        let url = request.url ?? URL(string: "/")!
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath.nonEmpty ?? "/"
        let target = components?.percentEncodedQuery.map { path + "?" + $0 } ?? path
        let fields = (request.allHTTPHeaderFields ?? [:])
            .filter { !HTTPFields.namesEqual($0.key, header) }
            .sorted { $0.key.lowercased() < $1.key.lowercased() }
        self.init(method: HTTPMethod(request.httpMethod ?? "GET"), target: target, headers: HTTPFields(fields.map { ($0.key, $0.value) }),
                  body: request.httpBody.map(Array.init) ?? request.httpBodyStream.map(Self.read) ?? [])
    }

    private static func read(_ stream: InputStream) -> [UInt8] {
        stream.open()
        defer { stream.close() }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = stream.read(&buffer, maxLength: buffer.count)
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}
