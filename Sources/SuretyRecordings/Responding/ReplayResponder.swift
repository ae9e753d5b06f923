import SuretyConformance
import SuretyHTTPCore
import SuretySchemas

/// Answers requests from recordings: the recording whose key matches, in recorded order, or a 404 with a near-miss
/// report (or the fallback responder's answer, such as the mock's).
///
/// Matching is a dictionary lookup (see ``ReplayIndex``); only an unmatched request compares keys, and at most
/// ``ReplayIndex/maxNearMissComparisons`` of them.
public struct ReplayResponder: Responder, ContextResponder {
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
    /// The fallback as a stack's mode, so a routed request's routing goes on to it.
    private let contextualFallback: (any ContextResponder)?

    /// Creates a responder over an index.
    public init(index: ReplayIndex, fallback: (any Responder)? = nil) {
        self.index = index
        self.fallback = fallback
        contextualFallback = fallback.map(StackMode.contextual)
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

    /// The same as ``replay(_:)`` for a request a stack over the matcher's contract has routed.
    public func replay(_ request: HTTPRequest, routing: Routing) -> Outcome {
        replay(request, key: index.matcher.key(for: request, routing: routing))
    }

    private func replay(_ request: HTTPRequest, key: RequestMatcher.Key) -> Outcome {
        if let stored = index.next(for: key) { return .matched(stored) }
        return .unmatched(index.nearMisses(for: key, request: "\(request.method) \(ValidationIssue.bounded(request.target, limit: 200))"))
    }

    /// The recorded response, else the fallback's, else a 404 in the error shape with a `nearMisses` member.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard let checker = index.matcher.checker else {
            return await answer(request, key: index.matcher.key(for: request, routing: nil), context: nil)
        }
        return await respond(to: request, context: RequestContext(routing: checker.route(request)))
    }

    /// The same as ``respond(to:)`` for a request a stack has routed by the same contract; the context goes on to
    /// the fallback too.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        await answer(request, key: index.matcher.key(for: request, routing: context.routing), context: context)
    }

    private func answer(_ request: HTTPRequest, key: RequestMatcher.Key, context: RequestContext?) async -> HTTPResponse {
        switch replay(request, key: key) {
        case .matched(let recording): return recording.response
        case .unmatched(let report):
            if let context, let contextualFallback { return await contextualFallback.respond(to: request, context: context) }
            if let fallback { return await fallback.respond(to: request) }
            return report.response
        }
    }
}
