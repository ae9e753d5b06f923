extension ConformanceRunner {
    /// What a run accumulates.
    struct RunState {
        var tracker: CoverageTracker
        var maxRequests: Int
        var maxFailures: Int?
        var captures = CapturePool()
        var results: [CheckResult] = []
        /// The endpoints that answered a documented success to a request meant to succeed.
        var reached: Set<String> = []
        /// How each endpoint was reached, or why not.
        var reach: [String: String] = [:]
        /// The scenarios skipped, with why.
        var skippedScenarios: [(name: String, reason: String)] = []
        /// The endpoints a check of which failed: discovery tries them no further.
        var failedEndpoints: Set<String> = []
        var notes: [String] = []
        var requests = 0
        var failures = 0
        var stopReason: String?
        var planned = 0
        var progress: (@Sendable (Progress) -> Void)?

        /// Whether the run stopped early (``Options/maxRequests`` or ``Options/maxFailures``).
        var stopped: Bool { stopReason != nil }

        mutating func markReached(_ id: String, how: String) {
            if !reached.contains(id) { reach[id] = how }
            reached.insert(id)
        }

        mutating func append(_ result: CheckResult) {
            results.append(result)
            if result.failed {
                failures += 1
                if let id = result.endpointID { failedEndpoints.insert(id) }
            }
            if let maxFailures, failures >= maxFailures, stopReason == nil {
                stopReason = "stopped after \(failures) failed check(s) (--max-failures \(maxFailures))"
            }
            progress?(Progress(completed: results.count, planned: max(planned, results.count), result: result))
        }

        mutating func countRequest() {
            requests += 1
            if requests >= maxRequests, stopReason == nil { stopReason = "stopped after \(requests) requests (--max-requests \(maxRequests))" }
        }
    }
}
