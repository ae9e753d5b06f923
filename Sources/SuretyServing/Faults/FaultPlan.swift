/// Latency and failures to inject, for all endpoints and per endpoint.
///
/// A config file has the shape `{"default": FAULT, "endpoints": {"fetchTransaction": FAULT, …}}` where FAULT is
/// `{"latency": 120 | "50-200", "failRate": 0.1, "failStatus": 503}`; every member is optional. An endpoint's
/// entry replaces the default for that endpoint as a whole. `FaultPlan+Reading.swift` reads such a file.
public struct FaultPlan: Sendable, Hashable {
    /// The faults of one endpoint.
    public struct Fault: Sendable, Hashable {
        /// Added latency in milliseconds, drawn uniformly from the range.
        public var latency: ClosedRange<Int>?
        /// The chance, 0 to 1, that a request fails.
        public var failRate: Double
        /// The status a failed request answers.
        public var failStatus: Int

        /// Creates a fault.
        public init(latency: ClosedRange<Int>? = nil, failRate: Double = 0, failStatus: Int = 500) {
            self.latency = latency
            self.failRate = failRate
            self.failStatus = failStatus
        }

        /// Whether the fault changes anything.
        public var isActive: Bool { latency != nil || failRate > 0 }
    }

    /// Faults for endpoints without their own entry.
    public var defaultFault: Fault
    /// Faults by endpoint id.
    public var endpoints: [String: Fault]

    /// Creates a plan.
    public init(defaultFault: Fault = Fault(), endpoints: [String: Fault] = [:]) {
        self.defaultFault = defaultFault
        self.endpoints = endpoints
    }

    /// Whether any fault is planned.
    public var isActive: Bool { defaultFault.isActive || endpoints.values.contains(where: \.isActive) }

    /// The fault for an endpoint (the default for unrouted requests).
    public func fault(for endpointID: String?) -> Fault {
        endpointID.flatMap { endpoints[$0] } ?? defaultFault
    }

    /// Parses `120` or `50-200` (milliseconds, at most one minute).
    public static func parseLatency(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let bounds = parts.compactMap { Int($0) }
        guard bounds.count == parts.count, let low = bounds.first, let high = bounds.last, bounds.count <= 2,
              low >= 0, low <= high, high <= 60_000 else { return nil }
        return low...high
    }
}
