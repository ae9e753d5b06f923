import SuretySchemas

extension Endpoint {
    /// The response body type for a status, honouring the list shape: an extended list answers a bare `itemType[]`
    /// unless `extended` is true, when it answers the documented page.
    public func responseType(status: Int, extended: Bool) -> TypeRef? {
        guard let response = response(for: status) else { return nil }
        if status == 200, let list, list.extended, !extended { return .array(list.itemType) }
        return response.body.type
    }

    /// Whether a 2xx status is documented.
    public func documents(status: Int) -> Bool {
        response(for: status) != nil
    }
}
