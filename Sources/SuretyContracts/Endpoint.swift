import SuretyJSON
import SuretySchemas

/// One operation of the API: a method on a path template, with its parameters, bodies, security and behaviours.
public struct Endpoint: Sendable, Hashable {
    /// The documents' operation id, or ours where they give none.
    public var id: String
    /// The documents give no operation id, so the contract chose `id`.
    public var idIsOurs: Bool
    /// The documents' action title.
    public var summary: String?
    /// The HTTP method, upper case.
    public var method: String
    /// The path template.
    public var path: PathTemplate
    /// Path, query and header parameters in documented order.
    public var parameters: [Parameter]
    /// The request body, when the endpoint takes one.
    public var request: BodySpec?
    /// Responses by status code, in ascending status order.
    public var responses: [ResponseSpec]
    /// List behaviour, on list endpoints.
    public var list: ListBehaviour?
    /// The security group and the permissions of which any one suffices.
    public var security: Security
    /// The deprecation note, when the endpoint is deprecated (`""` when deprecated without words).
    public var deprecation: String?
    /// A failed validation answers 200 with the transaction's state unchanged.
    public var validationFailureAnswers200: Bool
    /// Choices the contract made for this endpoint.
    public var notes: [String]
    /// Where the endpoint is written.
    public var location: SourceLocation?
    /// The reference document the endpoint transcribes.
    public var document: String

    /// Whether the endpoint is deprecated.
    public var isDeprecated: Bool { deprecation != nil }

    /// The parameters in one position.
    public func parameters(in position: Parameter.Position) -> [Parameter] {
        parameters.filter { $0.position == position }
    }

    /// The response documented for a status code.
    public func response(for status: Int) -> ResponseSpec? {
        responses.first { $0.status == status }
    }

    /// `GET /policy/{tenantLocator}/…`.
    public var route: String { "\(method) \(path)" }
}

/// A path, query or header parameter.
public struct Parameter: Sendable, Hashable {
    /// Where a parameter travels.
    public enum Position: String, Sendable, Hashable {
        case path, query, header
    }

    /// The parameter's name.
    public var name: String
    /// Where it travels.
    public var position: Position
    /// Its type in the notation.
    public var type: TypeRef
    /// Whether it must be given.
    public var isRequired: Bool
    /// Where it is written.
    public var location: SourceLocation?
}

/// A request or response body: its type and how the contract knows it.
public struct BodySpec: Sendable, Hashable {
    /// How the contract knows a body's type.
    public enum Source: String, Sendable, Hashable {
        /// The endpoint states it.
        case documented
        /// Inferred from the document's layout; see the note.
        case inferred
    }

    /// The body's type; `unspecified` where the documents do not give it, `empty` for no body.
    public var type: TypeRef
    /// How the contract knows it.
    public var source: Source
    /// Why it was inferred, when it was.
    public var note: String?
    /// Where it is written.
    public var location: SourceLocation?
}

/// A documented response.
public struct ResponseSpec: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// The body.
    public var body: BodySpec
}

/// How a list endpoint answers.
public struct ListBehaviour: Sendable, Hashable {
    /// What a list endpoint answers for a reference that does not exist.
    public enum UnknownReference: String, Sendable, Hashable {
        /// An empty list, not 404 (documented for some endpoints).
        case emptyList
        /// The documents do not say.
        case unspecified
    }

    /// The type of one item.
    public var itemType: TypeRef
    /// The endpoint takes `extended`: a bare `itemType[]` unless `extended=true`, when it answers the page.
    public var extended: Bool
    /// What an unknown reference gives.
    public var unknownReference: UnknownReference
}

/// The security group and permissions an endpoint requires; any one permission suffices.
public struct Security: Sendable, Hashable, CustomStringConvertible {
    /// The group, e.g. `transactions`.
    public var group: String
    /// The permissions, e.g. `["read", "list"]`.
    public var permissions: [String]

    /// The qualified permissions, e.g. `transactions.read`.
    public var qualifiedPermissions: [String] { permissions.map { "\(group).\($0)" } }

    /// `transactions.read|transactions.list`.
    public var description: String { qualifiedPermissions.joined(separator: "|") }
}
