import SuretyJSON

/// A named, ordered list of requests run against a backend, each able to use values captured from earlier responses.
///
/// Scenarios live in `contracts/scenarios/*.json` (format `scenario/1`, described in `contracts/scenarios/README.md`
/// and read by ``ScenarioLoader``). A step names its endpoint by id or by method and path template, gives path,
/// query and header values and a body, in which `{{name}}` refers to a value captured by an earlier step (or to a
/// built-in: `tenantLocator`, `$ulid`, `$uuid`); it may expect statuses and body values, and captures values from its
/// response by JSON Pointer. Every exchange is also judged by ``ExchangeChecker``, like every probe.
public struct Scenario: Sendable, Hashable {
    /// The scenario's name, unique within a run (the file name without `.json` unless the file gives one).
    public var name: String
    /// What the scenario shows, in words.
    public var description: String?
    /// The file the scenario was read from.
    public var file: String
    /// The steps, run in order.
    public var steps: [Step]
    /// What the backend must hold for the scenario to run (`"requires"` in the file).
    public var requires: Set<Requirement>

    /// Creates a scenario.
    public init(name: String, description: String? = nil, file: String, steps: [Step], requires: Set<Requirement> = []) {
        self.name = name
        self.description = description
        self.file = file
        self.steps = steps
        self.requires = requires
    }

    /// What a scenario can require of the backend; a run skips, with one line saying why, a scenario whose
    /// requirement the backend does not meet.
    public enum Requirement: String, Sendable, Hashable, CaseIterable {
        /// The emulator's built-in fixtures (their tenant, policies and jobs): only `surety serve --emulate` without
        /// `--fixtures`, or `surety check` in-process.
        case builtInFixtures = "built-in-fixtures"
    }
}

extension Scenario {
    /// One request of a scenario, with what it expects and what it captures.
    public struct Step: Sendable, Hashable {
        /// The step's name (default `step N`, counted from 1).
        public var name: String
        /// The endpoint the request is for.
        public var target: Target
        /// Path parameter values by name; parameters not given are filled like a probe's (tenant, captures, seeded ids).
        public var pathValues: [Field]
        /// Query parameters in order; a name may repeat.
        public var query: [Field]
        /// Extra request header fields in order.
        public var headers: [Field]
        /// The request body; string leaves may hold `{{name}}` references (a string that is exactly one reference
        /// takes the captured value with its JSON type).
        public var body: JSONValue?
        /// What the response must show.
        public var expectation: Expectation
        /// Values taken from the response for later steps.
        public var captures: [Capture]
        /// Where the step is written.
        public var location: SourceLocation?

        /// Creates a step.
        public init(name: String, target: Target, pathValues: [Field] = [], query: [Field] = [], headers: [Field] = [],
                    body: JSONValue? = nil, expectation: Expectation = Expectation(), captures: [Capture] = [],
                    location: SourceLocation? = nil) {
            self.name = name
            self.target = target
            self.pathValues = pathValues
            self.query = query
            self.headers = headers
            self.body = body
            self.expectation = expectation
            self.captures = captures
            self.location = location
        }
    }

    /// How a step names its endpoint.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// By the contract's endpoint id.
        case endpoint(String)
        /// By method and path template exactly as the contract writes them.
        case route(method: String, path: String)
        /// One of Surety's own routes under `/__surety/` (`POST /__surety/reset` of `surety serve`), outside the
        /// contract: sent as written and judged only by the step's expectations.
        case admin(method: String, path: String)

        /// The id, or `METHOD /template`.
        public var description: String {
            switch self {
            case .endpoint(let id): return id
            case .route(let method, let path), .admin(let method, let path): return "\(method) \(path)"
            }
        }
    }

    /// A name and a value template, for path, query and header values.
    public struct Field: Sendable, Hashable {
        /// The parameter's or header's name.
        public var name: String
        /// The value, possibly with `{{name}}` references.
        public var value: TemplateString

        /// Creates a field.
        public init(name: String, value: TemplateString) {
            self.name = name
            self.value = value
        }
    }

    /// What a step's response must show; an empty expectation accepts whatever the checker accepts.
    public struct Expectation: Sendable, Hashable {
        /// The statuses allowed; empty allows any status the contract or the error convention allows.
        public var statuses: [Int]
        /// Body values that must be equal, by pointer, in file order.
        public var values: [ValueExpectation]

        /// Creates an expectation.
        public init(statuses: [Int] = [], values: [ValueExpectation] = []) {
            self.statuses = statuses
            self.values = values
        }
    }

    /// One body value a step expects: the value at `pointer` equals `value` (numbers compared by value).
    public struct ValueExpectation: Sendable, Hashable {
        /// Where in the response body.
        public var pointer: JSONPointer
        /// The expected value; string leaves may hold references.
        public var value: JSONValue

        /// Creates a value expectation.
        public init(pointer: JSONPointer, value: JSONValue) {
            self.pointer = pointer
            self.value = value
        }
    }

    /// A value a step takes from its response body for later steps.
    public struct Capture: Sendable, Hashable {
        /// The name later steps refer to as `{{name}}`.
        public var name: String
        /// Where in the response body.
        public var pointer: JSONPointer

        /// Creates a capture.
        public init(name: String, pointer: JSONPointer) {
            self.name = name
            self.pointer = pointer
        }
    }
}
