import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension ConformanceRunner {
    /// One way to fill an endpoint's path: every value with where it came from.
    struct Candidate {
        var path: [String: String]
        var values: [ValidAnswer.PathValue]
        /// The values joined, so that a candidate is sent once.
        var key: String { values.map { "\($0.name)=\($0.value)" }.joined(separator: "&") }
        /// How the candidate reached its endpoint, for the report.
        var how: String {
            values.filter { $0.name != "tenantLocator" }.map { value in
                "\(value.name)=\(value.value) (\(value.source.map { "found at \($0)" } ?? "invented"))"
            }.joined(separator: ", ")
        }
    }

    /// Walks the read endpoints from what the run knows: every GET the run may send is tried with the locators of
    /// its kind seen so far (at most ``Options/maxAttemptsPerEndpoint``), rounds repeat while a round learns
    /// something, and a last round tries the endpoints no locator reached with invented ones.
    func discover(state: inout RunState) async {
        let gets = contract.endpoints.filter { $0.method == "GET" && options.refusal(method: $0.method, endpointID: $0.id) == nil }
        var tried: [String: Set<String>] = [:]
        for inventing in [false, true] {
            var progress = true
            while progress, !state.stopped {
                progress = false
                for endpoint in gets where !state.reached.contains(endpoint.id) && !state.failedEndpoints.contains(endpoint.id) && !state.stopped {
                    let attempts = tried[endpoint.id] ?? []
                    guard attempts.count < Options.maxAttemptsPerEndpoint else { continue }
                    let next = candidates(for: endpoint, pool: state.captures, inventing: inventing && attempts.isEmpty)
                        .first { !attempts.contains($0.key) }
                    guard let next else { continue }
                    tried[endpoint.id, default: []].insert(next.key)
                    await sendValid(endpoint, candidate: next, state: &state)
                    progress = true
                }
            }
        }
        for endpoint in gets where state.reach[endpoint.id] == nil {
            let kinds = endpoint.path.parameterNames.compactMap { locatorKinds.pathKinds[endpoint.id]?[$0] }.filter { $0 != "tenant" }
            state.reach[endpoint.id] = "never tried: no \(kinds.joined(separator: " or ")) locator was seen"
        }
    }

    /// The ways to fill an endpoint's path from the pool, in the order values were seen; with `inventing`, one
    /// filled with invented values where the pool has none.
    func candidates(for endpoint: Endpoint, pool: CapturePool, inventing: Bool) -> [Candidate] {
        let names = endpoint.path.parameterNames
        let kinds = locatorKinds.pathKinds[endpoint.id] ?? [:]
        let tenantSource = options.tenant == nil ? nil : "--tenant"
        let primary = names.last { $0 != "tenantLocator" && kinds[$0] != nil }
        var random = SeededRandom(seed: options.seed, key: "discover:\(endpoint.id)")
        var seeds: [Sighting?] = []
        if let primary, let kind = kinds[primary] {
            let type = endpoint.parameters.first { $0.name == primary && $0.position == .path }?.type.unwrapped ?? .primitive(.string)
            seeds = pool.sightings(of: kind).filter { RequestFactory.fits($0.value, type) }.prefix(Options.maxAttemptsPerEndpoint).map { $0 }
            if seeds.isEmpty {
                guard inventing else { return [] }
                seeds = [nil]
            }
        } else {
            seeds = [nil]
        }
        var result: [Candidate] = []
        for seed in seeds {
            var base: [ValidAnswer.PathValue] = []
            var complete = true
            for name in names {
                let kind = kinds[name]
                if name == "tenantLocator" || kind == "tenant" {
                    base.append(.init(name: name, value: factory.tenant, kind: "tenant", source: tenantSource))
                } else if name == primary, let seed {
                    base.append(.init(name: name, value: seed.value, kind: kind, source: seed.source))
                } else if let kind, let value = seed?.context[name] {
                    base.append(.init(name: name, value: value, kind: kind, source: "\(seed?.source ?? "") (its \(name))"))
                } else if let kind, let known = pool.sightings(of: kind).first(where: { RequestFactory.fits($0.value, Self.pathType(name, of: endpoint)) }) {
                    base.append(.init(name: name, value: known.value, kind: kind, source: known.source))
                } else if kind != nil {
                    guard inventing else { complete = false; break }
                    base.append(.init(name: name, value: factory.pathValue(name, of: endpoint, captures: CapturePool(), random: &random),
                                      kind: kind, source: nil))
                } else {
                    base.append(.init(name: name, value: "", kind: nil, source: "the contract"))
                }
            }
            guard complete else { continue }
            // A value that makes the path another endpoint's (`{transactionType}` = `change`) is no candidate here.
            result += expandingEnumerations(base, of: endpoint).filter { routesHere(endpoint, $0.path) }
        }
        return result
    }

    /// Whether the path filled with these values routes to the endpoint itself.
    func routesHere(_ endpoint: Endpoint, _ path: [String: String]) -> Bool {
        let request = factory.request(endpoint, path: path, query: [], body: nil, token: nil)
        if case .routed(let routed) = checker.route(request) { return routed.endpoint.id == endpoint.id }
        return false
    }

    /// A path parameter's type, `string` when the contract does not say.
    static func pathType(_ name: String, of endpoint: Endpoint) -> TypeRef {
        endpoint.parameters.first { $0.name == name && $0.position == .path }?.type.unwrapped ?? .primitive(.string)
    }

    /// One candidate per value of each enumerated path parameter (the deserialization `jobType`).
    func expandingEnumerations(_ values: [ValidAnswer.PathValue], of endpoint: Endpoint) -> [Candidate] {
        var partial: [[ValidAnswer.PathValue]] = [[]]
        for value in values {
            let type = endpoint.parameters.first { $0.name == value.name && $0.position == .path }?.type.unwrapped
            if case .enumeration(let allowed)? = type, value.source == "the contract" {
                partial = partial.flatMap { prefix in allowed.map { prefix + [.init(name: value.name, value: $0, kind: nil, source: "the contract")] } }
            } else {
                partial = partial.map { $0 + [value] }
            }
        }
        return partial.map { values in
            Candidate(path: Dictionary(values.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }), values: values)
        }
    }
}
