import SuretyContracts
import SuretyJSON

extension LocatorKinds {
    /// The locators one successful exchange of real traffic shows: its request's path values and every locator of
    /// its response body, in the order a live run would learn them, each with `source` as where it was found. An
    /// empty list proves nothing of the reference it was asked for (a list may answer so for one that does not
    /// exist), so its request's path values are not taken.
    public func sightings(request endpoint: Endpoint, path: [String: String], responseBody: JSONValue?, source: String) -> [Sighting] {
        var pool = CapturePool()
        let provesPath = !(responseBody.map(NegativeProbe.isEmptyList) ?? false)
        for name in endpoint.path.parameterNames where provesPath {
            guard let kind = pathKinds[endpoint.id]?[name], kind != "tenant", let value = path[name] else { continue }
            pool.add(Sighting(kind: kind, value: value, source: "\(source) (request path)"))
        }
        if let responseBody { pool.learn(from: responseBody, endpoint: endpoint, path: path, kinds: self) }
        return pool.sightings.values.flatMap { $0 }.map { sighting in
            var located = sighting
            if !located.source.hasPrefix(source) { located.source = "\(source): \(sighting.source)" }
            return located
        }.sorted { ($0.kind, $0.source, $0.value) < ($1.kind, $1.source, $1.value) }
    }
}
