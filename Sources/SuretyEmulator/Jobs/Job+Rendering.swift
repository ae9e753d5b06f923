import SuretyJSON
import SuretySchemas

extension Job {
    /// What a required `completedAt` shows while a job is not done: the Unix epoch (the document makes the member
    /// required for running jobs too; a null would break the contract) [I].
    public static let notCompleted = Timestamp(seconds: 0)

    /// What a required locator member shows when the job has no such reference (a documents job about a quote has
    /// no transaction or segment): the nil ULID [I].
    public static let absentReference = "00000000000000000000000000"

    /// The job in its kind's schema (``JobKind/schemaName``): locator, the data members, then state, times,
    /// processing errors and retry count as the schema has them.
    public var rendered: JSONValue {
        let computed: [(String, JSONValue?)] = [
            (kind.stateKey ?? "", kind.stateKey.map { _ in .string(state.rawValue) }),
            ("createdAt", Self.time(createdAt, kind.createdAt)),
            ("updatedAt", Self.time(updatedAt, kind.updatedAt)),
            ("completedAt", Self.time(completedAt, kind.completedAt)),
            ("processingErrors", Self.text(processingErrors, kind.processingErrors)),
            ("createdBy", Self.text(createdBy, kind.createdBy)),
            ("retryCount", kind.hasRetryCount ? .number(JSONNumber(retryCount)) : nil),
        ]
        let owned = Set(computed.map(\.0)).union([kind.locatorKey]).union(kind.hiddenMembers)
        var members = [JSONMember(key: kind.locatorKey, value: .string(locator))]
        members += data.filter { !owned.contains($0.key) }
        members += computed.compactMap { key, value in value.map { JSONMember(key: key, value: $0) } }
        return .object(members)
    }

    /// A `DocumentsJobSummary`.
    public var summary: JSONValue {
        .object([JSONMember(key: "locator", value: .string(locator)),
                 JSONMember(key: "referenceType", value: self[member: "referenceType"] ?? "transaction"),
                 JSONMember(key: "status", value: .string(state.rawValue)),
                 JSONMember(key: "createdAt", value: .string(createdAt.rfc3339(fractional: true)))])
    }

    static func time(_ value: Timestamp?, _ presence: JobKind.Presence) -> JSONValue? {
        switch presence {
        case .none: return nil
        case .optional: return value.map { .string($0.rfc3339(fractional: true)) }
        case .required: return .string((value ?? notCompleted).rfc3339(fractional: true))
        }
    }

    static func text(_ value: String?, _ presence: JobKind.Presence) -> JSONValue? {
        switch presence {
        case .none: return nil
        case .optional: return value.map { .string($0) }
        case .required: return .string(value ?? "")
        }
    }
}
