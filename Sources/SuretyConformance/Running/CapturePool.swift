import SuretyContracts
import SuretyJSON

/// What a run knows of the backend's data: values captured by name (scenario captures, `--var`), and every locator
/// seen, by kind, in the order first seen, each with where it was found.
///
/// Responses are walked whole (within ``maxHarvestDepth``), so a locator in any member or list item is kept, up to
/// ``maxSightingsPerKind`` per kind. The nil ULID (`000…0`), which the platform writes for an absent reference, is
/// never kept. The order is the order of the run, so the pool is deterministic for the same backend state.
struct CapturePool: Sendable {
    /// The most values kept of one kind.
    static let maxSightingsPerKind = 32
    /// How deep into a response body locators are looked for.
    static let maxHarvestDepth = 8

    private(set) var values: [String: String] = [:]
    private(set) var sightings: [String: [Sighting]] = [:]

    func value(for name: String) -> String? { values[name] }

    /// The values seen of a kind, first seen first.
    func sightings(of kind: String) -> [Sighting] { sightings[kind] ?? [] }

    /// Whether a value of this kind was handed out by the backend or the user (not invented by the runner).
    func isKnown(_ value: String, kind: String) -> Bool {
        sightings[kind]?.contains { $0.value == value } ?? false
    }

    mutating func set(_ name: String, _ value: String) {
        if values[name] == nil { values[name] = value }
    }

    /// Keeps a value of a kind, unless it is already kept, the nil ULID, or the kind is full.
    mutating func add(_ sighting: Sighting) {
        guard !sighting.value.isEmpty, sighting.value != ConformanceRunner.unknownLocator else { return }
        var list = sightings[sighting.kind] ?? []
        guard list.count < Self.maxSightingsPerKind, !list.contains(where: { $0.value == sighting.value }) else { return }
        list.append(sighting)
        sightings[sighting.kind] = list
    }

    /// Learns every locator of a documented response: named members anywhere, the root object's `locator` by the
    /// entity the endpoint answers, and list items' `locator` by the list's item kind.
    mutating func learn(from body: JSONValue, endpoint: Endpoint, path: [String: String], kinds: LocatorKinds) {
        let origin = "\(endpoint.id)"
        var context = path
        context["tenantLocator"] = nil
        if let root = Self.firstObject(body) {
            for member in root {
                guard case .string(let text) = member.value else { continue }
                if member.key.hasSuffix("Locator") { set(member.key, text) }
                else if member.key == "locator", let entity = Self.entity(of: endpoint) { set(entity + "Locator", text) }
            }
        }
        let items: [JSONValue]? = body.arrayValue ?? body["items"]?.arrayValue
        if let items, let kind = kinds.itemKinds[endpoint.id] {
            let pointer = body.arrayValue != nil ? "" : "/items"
            for (index, item) in items.enumerated() {
                if case .string(let locator)? = item["locator"] {
                    add(Sighting(kind: kind, value: locator, source: "\(origin) \(pointer)/\(index)/locator", context: context))
                }
            }
        } else if case .object = body, let kind = kinds.rootKinds[endpoint.id], case .string(let locator)? = body["locator"] {
            add(Sighting(kind: kind, value: locator, source: "\(origin) /locator", context: context))
        }
        harvest(body, pointer: "", depth: 0, origin: origin, context: context, kinds: kinds)
    }

    private mutating func harvest(_ value: JSONValue, pointer: String, depth: Int, origin: String, context: [String: String],
                                  kinds: LocatorKinds) {
        guard depth < Self.maxHarvestDepth else { return }
        switch value {
        case .object(let members):
            for member in members {
                let here = pointer + "/" + member.key
                if let kind = kinds.memberKind(member.key) {
                    switch member.value {
                    case .string(let text): add(Sighting(kind: kind, value: text, source: "\(origin) \(here)", context: context))
                    case .number(let number): add(Sighting(kind: kind, value: number.literal, source: "\(origin) \(here)", context: context))
                    case .array(let elements):
                        for (index, element) in elements.enumerated() {
                            if case .string(let text) = element {
                                add(Sighting(kind: kind, value: text, source: "\(origin) \(here)/\(index)", context: context))
                            }
                        }
                    default: break
                    }
                }
                harvest(member.value, pointer: here, depth: depth + 1, origin: origin, context: context, kinds: kinds)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                harvest(element, pointer: pointer + "/\(index)", depth: depth + 1, origin: origin, context: context, kinds: kinds)
            }
        default: break
        }
    }

    static func firstObject(_ value: JSONValue) -> [JSONMember]? {
        switch value {
        case .object(let members):
            if case .array(let items)? = value["items"], let first = items.first { return firstObject(first) }
            return members
        case .array(let elements): return elements.first.flatMap(firstObject)
        default: return nil
        }
    }

    /// The entity an endpoint answers: the last literal segment before any trailing `list`, singular; nil when the
    /// path ends in a parameter (the locator is then the one that was asked for).
    static func entity(of endpoint: Endpoint) -> String? {
        var segments = endpoint.path.segments
        if segments.last == .literal("list") { segments.removeLast() }
        guard case .literal(let word)? = segments.last else { return nil }
        return RequestFactory.singular(word)
    }
}

/// A value of one kind that the backend handed out (or the user gave), with where it was found and the other path
/// values of the request that found it, so that a job found under transaction T is fetched under T.
public struct Sighting: Sendable, Hashable {
    /// The kind (`policy`, `transaction`, `documentJob`, `termNumber`, …).
    public var kind: String
    /// The value.
    public var value: String
    /// Where it was found: `ENDPOINT-ID /pointer`, `--start`, or a recording's file.
    public var source: String
    /// The path values (but the tenant) of the request whose response held it.
    public var context: [String: String]

    /// Creates a sighting.
    public init(kind: String, value: String, source: String, context: [String: String] = [:]) {
        self.kind = kind
        self.value = value
        self.source = source
        self.context = context
    }
}
