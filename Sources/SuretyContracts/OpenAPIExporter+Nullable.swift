import SuretySchemas

extension OpenAPIExporter {
    /// The schemas every reference of the contract makes nullable (`T?`): exported with `type: ["object", "null"]`
    /// and referenced plainly, which generators read as an optional value, instead of an `anyOf` with a `null` branch,
    /// which swift-openapi-generator cannot express. A schema referenced anywhere without `?` is not among them.
    static func onlyNullablyReferenced(in contract: Contract) -> Set<String> {
        var nullable: Set<String> = []
        var plain: Set<String> = []
        func visit(_ type: TypeRef, optional: Bool) {
            switch type {
            case .named(let name):
                if optional { nullable.insert(name) } else { plain.insert(name) }
            case .optional(let wrapped): visit(wrapped, optional: true)
            case .array(let element), .map(let element): visit(element, optional: false)
            case .oneOf(let branches): branches.forEach { visit($0, optional: false) }
            case .primitive, .enumeration, .unspecified, .empty: break
            }
        }
        for schema in contract.schemas.schemas {
            for property in schema.properties { visit(property.type, optional: false) }
        }
        for endpoint in contract.endpoints {
            for parameter in endpoint.parameters { visit(parameter.type, optional: false) }
            if let request = endpoint.request { visit(request.type, optional: false) }
            for response in endpoint.responses { visit(response.body.type, optional: false) }
            if let list = endpoint.list { visit(list.itemType, optional: false) }
        }
        return nullable.subtracting(plain)
    }
}
