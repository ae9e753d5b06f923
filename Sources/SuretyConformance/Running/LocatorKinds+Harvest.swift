import SuretyContracts
import SuretyJSON

extension LocatorKinds {
    /// The locators one successful exchange of real traffic shows: its request's path values and every locator of
    /// its response body, in the order a live run would learn them, each with `source` as where it was found.
    public func sightings(request endpoint: Endpoint, path: [String: String], responseBody: JSONValue?, source: String) -> [Sighting] {
        var pool = CapturePool()
        for name in endpoint.path.parameterNames {
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
