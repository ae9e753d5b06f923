import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Answers every request of the contract with a response generated from the endpoint's schema: deterministic,
/// valid by construction, and shaped by the request.
///
/// The same request (method, path, query, body) with the same seed gives byte-identical bytes; another locator gives
/// other data. Path parameters are echoed into response properties of the same name. List endpoints honour
/// `offset`, `count`, `extended` and answer `listCompleted` consistently across pages. The `Prefer` header follows
/// Prism's conventions: `code=N`, `dynamic=true`, `example=NAME`.
public struct MockResponder: SynchronousResponder, SynchronousContextResponder {
    /// How mocks are generated.
    public struct Options: Sendable, Hashable {
        /// The seed every response is derived from.
        public var seed: UInt64
        /// Which optional properties responses carry.
        public var optional: ExampleGenerator.OptionalProperties
        /// Items a list answers when the request gives no `count`.
        public var defaultListCount: Int
        /// The most items one list response carries, whatever `count` asks.
        public var maxListCount: Int
        /// The largest simulated collection; each collection's size is drawn from `0...maxListTotal`.
        public var maxListTotal: Int

        /// Creates options.
        public init(seed: UInt64 = 0, optional: ExampleGenerator.OptionalProperties = .random,
                    defaultListCount: Int = 10, maxListCount: Int = 100, maxListTotal: Int = 25) {
            self.seed = seed
            self.optional = optional
            self.defaultListCount = defaultListCount
            self.maxListCount = maxListCount
            self.maxListTotal = maxListTotal
        }
    }

    /// The checker whose router finds endpoints.
    public let checker: ExchangeChecker
    /// The options in force.
    public let options: Options
    let generator: ExampleGenerator
    /// Bodies already generated: they are a pure function of the seed and the request, so a repeat is served as is.
    let cache = MockBodyCache<MockKey>()

    /// Creates a mock of the checker's contract.
    public init(checker: ExchangeChecker, options: Options = Options()) {
        self.checker = checker
        self.options = options
        self.generator = ExampleGenerator(schemas: checker.contract.schemas, optional: options.optional, includesDeprecated: false)
    }

    /// Generates the response to `request`; requests the contract does not route answer 404 or 405.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        respondSynchronously(to: request, context: RequestContext(routing: checker.route(request)))
    }

    /// Every request is answered from memory.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { true }

    /// The same as ``respondSynchronously(to:)`` for a request a stack over the same contract has routed.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        guard case .routed(let routed) = context.routing else {
            return context.routing.problem(for: request)?.response ?? Problem(status: .notFound, title: "No such route").response
        }
        if let unknown = unknownLocatorAnswer(routed) { return unknown }
        let prefer = PreferHeader(request.headers.combinedValue(for: "Prefer"))
        if let problem = refusal(for: prefer, endpoint: routed.endpoint) {
            var response = problem.response
            if let code = prefer.code, code == problem.status.code {
                response.headers.append(name: "Preference-Applied", value: "code=\(code)")  // RFC 7240 §3
                if ErrorConvention.statuses[code] == nil { response.headers.append(name: Self.undocumentedStatusHeader, value: String(code)) }
            }
            return response
        }
        let seed = prefer.dynamic ? SeedCounter.shared.next() : options.seed
        let key = MockKey(request: request, routed: routed)
        if !prefer.dynamic, let cached = cache.bytes(for: key) {
            return HTTPResponse(status: .ok, contentType: "application/json", body: cached)
        }
        guard var type = routed.endpoint.responseType(status: 200, extended: routed.wantsExtended) else {
            return Problem(status: .internalServerError, title: "The endpoint documents no 200 response").response
        }
        if type == .unspecified, let inferred = InferredResponses.types[routed.endpoint.id] { type = inferred }
        let echo = LocatorEcho(routed: routed, schemas: checker.contract.schemas)
        let body: JSONValue
        if let list = routed.endpoint.list {
            body = listBody(type: type, list: list, routed: routed, key: key, seed: seed, echo: echo)
        } else if type == .empty {
            return HTTPResponse(status: .ok)
        } else {
            var random = SeededRandom(seed: seed, key: key.whole)
            body = MockInference.actionOutcome(echo.apply(to: generator.example(of: type, random: &random), type: type), routed: routed)
        }
        let bytes = JSONWriter(style: .compact).bytes(body)
        if !prefer.dynamic { cache.store(bytes, for: key) }
        return HTTPResponse(status: .ok, contentType: "application/json", body: bytes)
    }

    /// The nil ULID (26 zeros) names nothing: a 404, or an empty list where the contract says an unknown reference
    /// lists nothing; so clients (and `surety check`'s unknown-locator probe) can test their not-found paths.
    func unknownLocatorAnswer(_ routed: RoutedRequest) -> HTTPResponse? {
        let namesNothing = routed.endpoint.parameters.contains { parameter in
            guard parameter.position == .path, case .primitive(let primitive) = parameter.type.unwrapped,
                  primitive == .ulid || primitive == .locator else { return false }
            return routed.pathParameters[parameter.name] == Self.unknownLocator
        }
        guard namesNothing else { return nil }
        if let list = routed.endpoint.list, list.unknownReference == .emptyList {
            let body: JSONValue = routed.wantsExtended || !list.extended ? .object(["items": [], "listCompleted": true]) : []
            return HTTPResponse(status: .ok, contentType: "application/json", body: JSONWriter(style: .compact).bytes(body))
        }
        return Problem(status: .notFound, title: "Unknown locator", detail: "\(Self.unknownLocator) names nothing.").response
    }

    /// The header a simulated answer with a status neither the endpoint nor the error convention documents carries.
    public static let undocumentedStatusHeader = "X-Surety-Undocumented-Status"

    /// The locator the mock treats as unknown.
    public static let unknownLocator = "00000000000000000000000000"

    /// The error a `Prefer` header asks for, or that it cannot be honoured; nil to answer normally.
    func refusal(for prefer: PreferHeader, endpoint: Endpoint) -> Problem? {
        if let unreadable = prefer.unreadable {
            return Problem(status: .badRequest, title: "Prefer cannot be read",
                           detail: "Prefer: \(ValidationIssue.bounded(unreadable)): code takes a status from 100 to 599, dynamic true or false.")
        }
        if let name = prefer.example {
            return Problem(status: .notFound, title: "No such example",
                           detail: "Prefer: example=\(ValidationIssue.bounded(name)): the contract defines no examples for \(endpoint.id).")
        }
        guard let code = prefer.code, endpoint.response(for: code) == nil else { return nil }
        guard let meaning = ErrorConvention.statuses[code] else {
            // Any status a client wants to handle (a 500, a 503) is answered, in the one error shape, and says so.
            return Problem(status: HTTPStatus(code: code), title: "Status \(code) as asked",
                           detail: "Answered because the request said Prefer: code=\(code); \(endpoint.id) documents no \(code), so this is a simulated answer.")
        }
        return Problem(status: HTTPStatus(code: code), title: meaning.prefix(1).uppercased() + meaning.dropFirst(),
                       detail: "Answered because the request said Prefer: code=\(code).")
    }
}
