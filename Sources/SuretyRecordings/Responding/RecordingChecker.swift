import SuretyConformance

/// Judges recorded exchanges against the contract offline, for `surety check --recordings DIR` in CI.
///
/// Every recording is routed and checked again with the current contract (the violations stored in the file are
/// what the contract said when it was recorded, and the contract may have changed since).
public struct RecordingChecker: Sendable {
    /// The result for one recording.
    public struct Result: Sendable, Hashable {
        /// The file, relative to the recordings folder.
        public var file: String
        /// The endpoint the file says it records.
        public var recordedEndpointID: String?
        /// The endpoint the request routes to now; nil when it routes nowhere.
        public var endpointID: String?
        /// Every violation of the request and the response, warnings included.
        public var violations: [Violation]

        /// Whether the exchange passes: no error-severity violation and the same endpoint as recorded.
        public var passed: Bool { !violations.contains(where: \.isError) && endpointID == recordedEndpointID }
    }

    /// The checker in use.
    public let checker: ExchangeChecker

    /// Creates a recording checker.
    public init(checker: ExchangeChecker) {
        self.checker = checker
    }

    /// Checks each recording, in the order given.
    public func check(_ recordings: [StoredExchange]) -> [Result] {
        recordings.map { stored in
            let (endpointID, violations) = stored.exchange.judged(by: checker)
            return Result(file: stored.file, recordedEndpointID: stored.exchange.endpointID, endpointID: endpointID, violations: violations)
        }
    }
}
