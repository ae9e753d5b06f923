import SuretyJSON
import SuretySchemas

/// Latency and failures to inject, for all endpoints and per endpoint.
///
/// A config file has the shape `{"default": FAULT, "endpoints": {"fetchTransaction": FAULT, …}}` where FAULT is
/// `{"latency": 120 | "50-200", "failRate": 0.1, "failStatus": 503}`; every member is optional. An endpoint's
/// entry replaces the default for that endpoint as a whole.
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

/// A fault config that cannot be used: where and why.
public struct FaultPlanError: Error, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// Where in it.
    public var pointer: JSONPointer
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(file: String, pointer: JSONPointer, reason: String) {
        self.file = file
        self.pointer = pointer
        self.reason = reason
    }

    /// `file: error: reason [at /pointer]`.
    public var description: String { "\(file): error: \(reason) [at \(pointer)]" }
}

extension FaultPlan {
    /// Reads a plan from a config file's JSON; `knownEndpoints` catches misspelled ids.
    public init(json value: JSONValue, file: String, knownEndpoints: Set<String>) throws(FaultPlanError) {
        func fail(_ pointer: JSONPointer, _ reason: String) -> FaultPlanError {
            FaultPlanError(file: file, pointer: pointer, reason: reason)
        }
        guard let members = value.objectValue else { throw fail(.root, "expected an object with default and endpoints") }
        self.init()
        for member in members {
            let pointer = JSONPointer(tokens: [member.key])
            switch member.key {
            case "default": defaultFault = try Self.fault(member.value, at: pointer, fail: fail)
            case "endpoints":
                guard let entries = member.value.objectValue else { throw fail(pointer, "expected an object of endpoint ids") }
                for entry in entries {
                    guard knownEndpoints.contains(entry.key) else {
                        throw fail(pointer.appending(entry.key), "unknown endpoint id" + EditDistance.didYouMean(
                            EditDistance.closest(to: entry.key, among: knownEndpoints.sorted())))
                    }
                    endpoints[entry.key] = try Self.fault(entry.value, at: pointer.appending(entry.key), fail: fail)
                }
            default: throw fail(pointer, "unknown key; expected default or endpoints")
            }
        }
    }

    private static func fault(_ value: JSONValue, at pointer: JSONPointer,
                              fail: (JSONPointer, String) -> FaultPlanError) throws(FaultPlanError) -> Fault {
        guard let members = value.objectValue else { throw fail(pointer, "expected an object") }
        var fault = Fault()
        for member in members {
            let at = pointer.appending(member.key)
            switch member.key {
            case "latency":
                let text = member.value.stringValue ?? member.value.numberValue?.literal
                guard let range = text.flatMap(parseLatency) else { throw fail(at, "expected milliseconds, 120 or \"50-200\"") }
                fault.latency = range
            case "failRate":
                guard let rate = member.value.numberValue?.doubleValue, (0...1).contains(rate) else {
                    throw fail(at, "expected a number from 0 to 1")
                }
                fault.failRate = rate
            case "failStatus":
                guard let status = member.value.numberValue?.intValue, (500...599).contains(status) else {
                    throw fail(at, "expected a 5xx status")
                }
                fault.failStatus = status
            default: throw fail(at, "unknown key; expected latency, failRate or failStatus")
            }
        }
        return fault
    }
}
