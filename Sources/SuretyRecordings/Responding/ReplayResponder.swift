import SuretyConformance
import SuretyHTTPCore
import SuretySchemas

/// Answers requests from recordings: the recording whose key matches, in recorded order, or a 404 with a near-miss
/// report (or the fallback responder's answer, such as the mock's).
///
/// Matching is a dictionary lookup (see ``ReplayIndex``); only an unmatched request compares keys, and at most
/// ``ReplayIndex/maxNearMissComparisons`` of them.
public struct ReplayResponder: RoutedResponder {
    /// What to do when some files of the recordings folder are bad.
    public enum BadRecordingPolicy: String, Sendable, CaseIterable {
        /// Refuse to start and list every issue (the default: a replay that silently lacks recordings fails later,
        /// far from the cause).
        case refuse
        /// Start with the good files and return the issues as warnings.
        case skip
    }

    /// How recordings are matched and replayed.
    public struct Options: Sendable {
        /// What takes part in the match key.
        public var matching: RequestMatcher.Options
        /// What a key serves after its last recording.
        public var repetition: ReplayIndex.Repetition
        /// What to do with bad files when loading a folder.
        public var badRecordings: BadRecordingPolicy

        /// Creates options: default matching, the last recording repeats, bad files refused.
        public init(matching: RequestMatcher.Options = .init(), repetition: ReplayIndex.Repetition = .repeatLast,
                    badRecordings: BadRecordingPolicy = .refuse) {
            self.matching = matching
            self.repetition = repetition
            self.badRecordings = badRecordings
        }
    }

    /// What loading a folder for replay could not get past.
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder cannot be read.
        case store(RecordingStoreError)
        /// Bad files, every one listed, under ``BadRecordingPolicy/refuse``.
        case badRecordings([RecordingIssue])

        /// The problem in words, one line per bad file issue.
        public var description: String {
            switch self {
            case .store(let error): return error.description
            case .badRecordings(let issues):
                return (["refusing to replay: \(issues.count) problem(s) in the recordings (use the skip policy to start without them)"]
                    + issues.map(\.description)).joined(separator: "\n")
            }
        }
    }

    /// What a request found.
    public enum Outcome: Sendable {
        /// A recording answers it.
        case matched(ReplayRecording)
        /// None does; why.
        case unmatched(NearMissReport)
    }

    /// The indexed recordings.
    public let index: ReplayIndex
    /// Answers unmatched requests instead of the 404, when set.
    public let fallback: (any Responder)?

    /// Creates a responder over an index.
    public init(index: ReplayIndex, fallback: (any Responder)? = nil) {
        self.index = index
        self.fallback = fallback
    }

    /// Reads a recordings folder and indexes it, applying the bad-files policy.
    ///
    /// - Returns: The responder and what it starts without: the entries that are no regular file (warnings, under
    ///   either policy) and, under ``BadRecordingPolicy/skip``, the bad files; by file.
    /// - Throws: ``LoadError/badRecordings(_:)`` listing every issue when any file is bad and the policy refuses.
    public static func load(directory: String, checker: ExchangeChecker?, options: Options = Options(),
                            fallback: (any Responder)? = nil) throws(LoadError) -> (responder: ReplayResponder, skipped: [RecordingIssue]) {
        let matcher = RequestMatcher(checker: checker, options: options.matching)
        // Each file is keyed and cut down to what replay sends as it is read, on the reading threads, so the parsed
        // exchanges are never all held at once.
        let reading: RecordingStore.Reading<(recording: ReplayRecording, key: RequestMatcher.Key)>
        do {
            reading = try RecordingStore.read(directory: directory, batchState: { ExchangeInterner() }) { interner, stored in
                var recording = ReplayRecording(stored)
                recording.response.headers = interner.intern(recording.response.headers)
                var key = matcher.key(for: stored.exchange.request)
                key.pathParameters = key.pathParameters.map { pair in
                    RequestMatcher.Key.Pair(name: pair.name, value: pair.value.map { interner.intern($0) })
                }
                return (recording, key)
            }
        } catch {
            throw .store(error)
        }
        if !reading.issues.isEmpty && options.badRecordings == .refuse { throw .badRecordings(reading.issues) }
        let index = ReplayIndex(recordings: reading.kept.map(\.recording), keys: reading.kept.map(\.key), matcher: matcher,
                                repetition: options.repetition)
        FreedMemory.release()
        return (ReplayResponder(index: index, fallback: fallback), (reading.issues + reading.skipped).sorted { $0.file < $1.file })
    }

    /// Finds the recording for a request (advancing its key's turn) or explains why there is none.
    public func replay(_ request: HTTPRequest) -> Outcome {
        replay(request, key: index.matcher.key(for: request))
    }

    private func replay(_ request: HTTPRequest, key: RequestMatcher.Key) -> Outcome {
        if let stored = index.next(for: key) { return .matched(stored) }
        return .unmatched(index.nearMisses(for: key, request: "\(request.method) \(ValidationIssue.bounded(request.target, limit: 200))"))
    }

    /// The recorded response, else the fallback's, else a 404 in the error shape with a `nearMisses` member.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await answer(request, routing: index.matcher.checker?.route(request))
    }

    /// The same as ``respond(to:)`` for a request the stack has routed by the same contract; the routing goes on to
    /// the fallback too.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        await answer(request, routing: routing)
    }

    private func answer(_ request: HTTPRequest, routing: Routing?) async -> HTTPResponse {
        switch replay(request, key: index.matcher.key(for: request, routing: routing)) {
        case .matched(let recording): return recording.response
        case .unmatched(let report):
            if let routing, let routedFallback = fallback as? any RoutedResponder {
                return await routedFallback.respond(to: request, routing: routing)
            }
            if let fallback { return await fallback.respond(to: request) }
            return report.response
        }
    }
}
