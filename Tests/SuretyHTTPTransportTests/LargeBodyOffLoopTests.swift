import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyHTTPCore
import Testing
@testable import SuretyHTTPTransport

/// A request with a large body is answered in a task, not on the event-loop thread, so it does not stall the loop.
@Suite("large bodies leave the event loop")
struct LargeBodyOffLoopTests {
    /// Answers both ways and says which one it was asked through.
    struct PathReporter: SynchronousResponder {
        func respondSynchronously(to request: HTTPRequest) -> HTTPResponse { HTTPResponse(text: "loop") }
        func respond(to request: HTTPRequest) async -> HTTPResponse { HTTPResponse(text: "task") }
    }

    func path(bodyBytes: Int) async throws -> String {
        var answer = ""
        try await withServer(responder: PathReporter()) { _, port in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/upload")!)
            request.httpMethod = "PUT"
            request.httpBody = Data(count: bodyBytes)
            let session = URLSession(configuration: .ephemeral)
            defer { session.finishTasksAndInvalidate() }
            answer = String(decoding: try await session.data(for: request).0, as: UTF8.self)
        }
        return answer
    }

    @Test("a body of maxSynchronousBodyBytes is answered on the loop; one byte more in a task")
    func atAndOverTheLimit() async throws {
        #expect(try await path(bodyBytes: EventLoop.maxSynchronousBodyBytes) == "loop")
        #expect(try await path(bodyBytes: EventLoop.maxSynchronousBodyBytes + 1) == "task")
    }
}
