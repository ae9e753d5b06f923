import SuretyJSON

extension Stub {
    /// The stub as the admin routes list it.
    public func jsonValue(id: Int, remaining: Int?) -> JSONValue {
        .object([
            "id": .integer(id), "method": .string(method), "path": .string(path), "status": .integer(response.status.code),
            "remaining": remaining.map { .integer($0) } ?? .null, "delayMs": .integer(Int(delay.components.seconds * 1_000)),
            "allowInvalid": .bool(allowInvalid),
        ])
    }
}
