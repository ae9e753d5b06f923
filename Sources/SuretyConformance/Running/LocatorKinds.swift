import SuretyContracts
import SuretySchemas

/// The kinds of reference the contract's paths take and its response bodies carry, derived from the contract alone,
/// so that a locator found in one response feeds the path parameters that take a locator of its kind.
///
/// A path parameter's kind comes from its name (`policyLocator` → `policy`) or, for a bare `{locator}`, from the
/// literal segment before it (`…/transactions/{locator}` → `transaction`); a `{jobLocator}` is qualified by its job
/// family (`…/documents/…/jobs/{jobLocator}` → `documentJob`, `…/jobs/invoicing/{jobLocator}` → `invoicingJob`). A
/// response member `xLocator` has kind `x`, or the known kind its name ends with (`aggregateTransactionLocator` →
/// `transaction`). A `locator` member has the kind of the object that holds it: the entity a fetch endpoint answers
/// (its response schema or its last path parameter), or the items of a list (its item schema, or the parameter of
/// the sibling endpoint that fetches one item).
public struct LocatorKinds: Sendable {
    /// The kind of each path parameter, by endpoint id and parameter name (the tenant's kind is `tenant`).
    public let pathKinds: [String: [String: String]]
    /// Every kind a path parameter takes, but the tenant's.
    public let known: Set<String>
    /// The kind of the root object's `locator` in each endpoint's response.
    public let rootKinds: [String: String]
    /// The kind of each list item's `locator`, by list endpoint id.
    public let itemKinds: [String: String]
    /// For a list endpoint, the endpoint that fetches one of its items, whose other path values the list shares.
    public let siblings: [String: String]
    /// Path parameters that are neither locators nor enumerations (`termNumber`), harvested by their exact name.
    public let valueParameters: Set<String>

    /// Derives the kinds of a contract.
    public init(contract: Contract) {
        var pathKinds: [String: [String: String]] = [:]
        var known: Set<String> = []
        var valueParameters: Set<String> = []
        for endpoint in contract.endpoints {
            var kinds: [String: String] = [:]
            for name in endpoint.path.parameterNames {
                let type = endpoint.parameters.first { $0.name == name && $0.position == .path }?.type.unwrapped
                if case .enumeration? = type { continue }
                if let kind = Self.pathKind(of: name, in: endpoint) {
                    kinds[name] = kind
                    if kind != "tenant" {
                        if Self.isLocator(type) || name.hasSuffix("Locator") || name == "locator" { known.insert(kind) }
                        else { valueParameters.insert(name) }
                    }
                }
            }
            pathKinds[endpoint.id] = kinds
        }
        var schemaKinds: [String: String] = [:]
        var ambiguous: Set<String> = []
        for endpoint in contract.endpoints where endpoint.method == "GET" {
            guard case .parameter(let last)? = endpoint.path.segments.last, let kind = pathKinds[endpoint.id]?[last],
                  known.contains(kind), case .named(let schema)? = endpoint.response(for: 200)?.body.type.unwrapped,
                  Self.namesItself(last, schema: schema) else { continue }
            if let other = schemaKinds[schema], other != kind { ambiguous.insert(schema) }
            schemaKinds[schema] = kind
        }
        for schema in ambiguous { schemaKinds[schema] = nil }
        var rootKinds: [String: String] = [:]
        var itemKinds: [String: String] = [:]
        var siblings: [String: String] = [:]
        for endpoint in contract.endpoints {
            if case .named(let schema)? = endpoint.response(for: 200)?.body.type.unwrapped, let kind = schemaKinds[schema] {
                rootKinds[endpoint.id] = kind
            } else if case .parameter(let last)? = endpoint.path.segments.last, let kind = pathKinds[endpoint.id]?[last], known.contains(kind) {
                rootKinds[endpoint.id] = kind
            }
            guard let list = endpoint.list else { continue }
            if let sibling = Self.sibling(of: endpoint, in: contract), case .parameter(let name)? = sibling.path.segments.last,
               let kind = pathKinds[sibling.id]?[name] {
                siblings[endpoint.id] = sibling.id
                itemKinds[endpoint.id] = kind
            } else if case .named(let schema) = list.itemType.unwrapped, let kind = schemaKinds[schema] {
                itemKinds[endpoint.id] = kind
            }
        }
        self.pathKinds = pathKinds
        self.known = known
        self.rootKinds = rootKinds
        self.itemKinds = itemKinds
        self.siblings = siblings
        self.valueParameters = valueParameters
    }

    /// The kind of a response member's value: `xLocator` by its stem, a value parameter by its name; nil otherwise.
    public func memberKind(_ key: String) -> String? {
        if valueParameters.contains(key) { return key }
        guard key.hasSuffix("Locator"), key != "locator" else { return nil }
        let stem = Self.normalized(String(key.dropLast("Locator".count)))
        if known.contains(stem) { return stem }
        let lowered = stem.lowercased()
        return known.filter { lowered.hasSuffix($0.lowercased()) }.max { $0.count < $1.count }
    }

    /// Whether a parameter type holds a locator (ULID or `locator`).
    static func isLocator(_ type: TypeRef?) -> Bool {
        type == .primitive(.ulid) || type == .primitive(.locator)
    }

    /// A path parameter's kind, as the type's documentation describes.
    static func pathKind(of name: String, in endpoint: Endpoint) -> String? {
        if name == "tenantLocator" { return "tenant" }
        let segments = endpoint.path.segments
        guard let index = segments.firstIndex(of: .parameter(name)) else { return nil }
        let before: String? = index > 0 ? { if case .literal(let word) = segments[index - 1] { return word } else { return nil } }() : nil
        if name == "locator" { return before.map(normalized) }
        guard name.hasSuffix("Locator") else { return name }
        let stem = String(name.dropLast("Locator".count))
        guard stem == "job" else { return normalized(stem) }
        if before == "jobs", case .literal(let service)? = segments.first { return normalized(service) + "Job" }
        return (before.map(normalized) ?? "") + "Job"
    }

    /// Whether a fetch endpoint's last parameter is the answered entity's own locator: a bare `{locator}` or
    /// `{jobLocator}`, or `{xLocator}` where the response schema is named after `x` (`segmentLocator` answering
    /// `SegmentResponse`, not `quoteLocator` answering `InstallmentLatticeResponse`).
    static func namesItself(_ parameter: String, schema: String) -> Bool {
        if parameter == "locator" || parameter == "jobLocator" { return true }
        guard parameter.hasSuffix("Locator") else { return false }
        return schema.lowercased().contains(parameter.dropLast("Locator".count).lowercased())
    }

    /// `policies` → `policy`, `Transactions` → `transaction`: singular, first letter lower-case.
    static func normalized(_ word: String) -> String {
        let singular = RequestFactory.singular(word)
        return singular.prefix(1).lowercased() + singular.dropFirst()
    }

    /// The GET endpoint whose path is the list's with the trailing `list` replaced by a parameter.
    static func sibling(of list: Endpoint, in contract: Contract) -> Endpoint? {
        guard list.path.segments.last == .literal("list") else { return nil }
        let prefix = list.path.segments.dropLast()
        return contract.endpoints.first { candidate in
            guard candidate.method == "GET", candidate.path.segments.count == list.path.segments.count,
                  case .parameter? = candidate.path.segments.last else { return false }
            return zip(candidate.path.segments.dropLast(), prefix).allSatisfy { pair in
                switch pair {
                case (.literal(let a), .literal(let b)): return a == b
                case (.parameter(let a), .parameter(let b)): return a == b
                default: return false
                }
            }
        }
    }
}
