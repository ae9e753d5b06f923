import SuretyConformance
import SuretyHTTPCore
import SuretyRecordings

/// Replays recordings and reports every request that none matches, with the nearest recordings and how each
/// differs, before answering the replay's 404.
struct ReplayMissResponder: ContextResponder {
    let replay: ReplayResponder
    let onMiss: @Sendable (String) -> Void

    func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        switch replay.replay(request, routing: context.routing) {
        case .matched(let recording): return recording.response
        case .unmatched(let report):
            onMiss("replay miss: " + report.text)
            return report.response
        }
    }
}
