import Foundation
import SuretyConformance
import SuretyContracts
import SuretyJSON
import SuretySchemas

/// Compares two recordings of the same API and classifies every difference by how it affects clients; no I/O.
///
/// Exchanges are paired by the replay matcher's key (method, endpoint, path parameters, query, body) and the kind of
/// credentials they carry (``CredentialKind``), the n-th OLD exchange of a key with the n-th NEW one; the rest are
/// then paired by method, endpoint and kind of credentials in recorded order, so requests that differ only in
/// identifiers still pair. An endpoint whose exchanges are all gone is one breaking `endpoint-gone`. Paired exchanges are compared on status, media type and, when
/// the status is unchanged, the body, walked with the contract's response type: values typed `ulid`, `locator`,
/// `uuid` or `datetime` compare by shape unless ``Options/exact``, and identifiers consistently renamed between
/// OLD and NEW (see ``LocatorAlignment``) count as equal.
public struct RecordingDiff: Sendable {
    /// What is compared and how strictly.
    public struct Options: Sendable, Hashable {
        /// Compare volatile values (`ulid`, `locator`, `uuid`, `datetime`) and identifiers by value.
        public var exact: Bool
        /// Body locations left out of the comparison; `*` matches any key or index.
        public var ignoredPointers: [PointerPattern]
        /// The longest value printed before it is cut with `…`, in characters.
        public var maxValueCharacters: Int

        /// Creates options; by default volatile values compare by shape, nothing is ignored, values are cut at 40.
        public init(exact: Bool = false, ignoredPointers: [PointerPattern] = [], maxValueCharacters: Int = 40) {
            self.exact = exact
            self.ignoredPointers = ignoredPointers
            self.maxValueCharacters = maxValueCharacters
        }
    }

    /// The contract that types bodies; nil compares every value untyped.
    public let contract: Contract?
    /// The options in force.
    public let options: Options
    let matcher: RequestMatcher
    let endpoints: [String: Endpoint]

    /// Creates a diff with a contract (for routing, types and volatility) or without one.
    public init(contract: Contract?, options: Options = Options()) {
        self.contract = contract
        self.options = options
        matcher = RequestMatcher(checker: contract.map { ExchangeChecker(contract: $0) })
        var endpoints: [String: Endpoint] = [:]
        for endpoint in contract?.endpoints ?? [] where endpoints[endpoint.id] == nil { endpoints[endpoint.id] = endpoint }
        self.endpoints = endpoints
    }

    /// Diffs OLD against NEW, each in recorded order.
    public func compare(old: [StoredExchange], new: [StoredExchange]) -> DiffReport {
        let sides = Sides(old: old, new: new, matcher: matcher)
        let pairing = Pairing(oldKeys: sides.oldKeys, newKeys: sides.newKeys)
        var alignment = LocatorAlignment()
        if !options.exact {
            for pair in pairing.pairs { alignment.observe(old[pair.old].exchange, new[pair.new].exchange) }
        }
        var results: [Sides.Result] = []
        for pair in pairing.pairs {
            let key = sides.oldKeys[pair.old]
            let differences = compareExchanges(old[pair.old].exchange, new[pair.new].exchange, route: key.request.route, alignment: alignment)
            guard !differences.isEmpty else { continue }
            let diff = ExchangeDiff(endpoint: key.request.route.description, request: sides.describe(key), oldFile: old[pair.old].file,
                                    newFile: new[pair.new].file, differences: differences)
            results.append(((diff.endpoint, diff.request, pair.old, pair.new), diff))
        }
        results += sides.oneSided(gone: pairing.gone, added: pairing.added)
        results.sort { $0.order < $1.order }
        return DiffReport(exchanges: results.map(\.diff), pairedCount: pairing.pairs.count, oldCount: old.count, newCount: new.count)
    }

    /// Every difference between two paired exchanges, most severe first, then in document order.
    func compareExchanges(_ old: Exchange, _ new: Exchange, route: RequestMatcher.Key.Route, alignment: LocatorAlignment) -> [Difference] {
        var differences: [Difference] = []
        let oldStatus = old.response.status, newStatus = new.response.status
        if oldStatus != newStatus {
            let rule: DiffRule = switch (Self.isSuccess(oldStatus), Self.isSuccess(newStatus)) {
            case (true, false): .statusSuccessToError
            case (true, true): .statusSuccessChanged
            default: .statusChanged
            }
            differences.append(Difference(rule: rule, part: .status, old: String(oldStatus), new: String(newStatus)))
        }
        let oldType = Self.mediaType(old.response.headers["Content-Type"])
        let newType = Self.mediaType(new.response.headers["Content-Type"])
        if oldType != newType {
            differences.append(Difference(rule: .contentTypeChanged, part: .contentType, old: oldType ?? "absent", new: newType ?? "absent"))
        }
        if oldStatus == newStatus {
            var walker = BodyWalker(diff: self, alignment: alignment)
            // Secret members are compared (and shown) by their fingerprints: a changed secret is still a change.
            walker.compareBodies(Redaction.default.redact(old.response.body), Redaction.default.redact(new.response.body), type: responseType(route: route, request: old.request, status: oldStatus))
            differences += walker.differences
        }
        return differences.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity < rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The contract's response type for a routed request and a status; nil when unrouted or undocumented.
    func responseType(route: RequestMatcher.Key.Route, request: RecordedRequest, status: Int) -> TypeRef? {
        guard case .endpoint(let id) = route, let endpoint = endpoints[id] else { return nil }
        let extended = request.query.contains { $0.name == "extended" && $0.value == "true" }
        return endpoint.responseType(status: status, extended: extended)
    }

    /// A 2xx status.
    static func isSuccess(_ status: Int) -> Bool { (200..<300).contains(status) }

    /// The media type without parameters, lower-cased (RFC 9110 §8.3.1: type and subtype are case-insensitive).
    static func mediaType(_ value: String?) -> String? {
        guard let value else { return nil }
        let essence = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = essence.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}
