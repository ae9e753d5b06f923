import SuretyJSON
import SuretySchemas

/// One operation of the API: a method on a path template, with its parameters, bodies, security and behaviours.
///
/// The fields live in one immutable box that copies share, and a change makes a new box: an endpoint travels with
/// every routed request through each layer of a server, and copying fifteen fields at each hand-over cost more than
/// routing the request.
public struct Endpoint: Sendable, Hashable {
    /// The stored fields.
    struct Fields: Sendable, Hashable {
        var id: String
        var idIsOurs: Bool
        var summary: String?
        var method: String
        var path: PathTemplate
        var parameters: [Parameter]
        var request: BodySpec?
        var responses: [ResponseSpec]
        var list: ListBehaviour?
        var security: Security
        var deprecation: String?
        var validationFailureAnswers200: Bool
        var notes: [String]
        var location: SourceLocation?
        var document: String
    }

    /// The fields and what is derived from them once.
    final class Box: Sendable {
        let fields: Fields
        let pathParameters: [Parameter]
        let queryParameters: [Parameter]
        let headerParameters: [Parameter]

        init(_ fields: Fields) {
            self.fields = fields
            pathParameters = fields.parameters.filter { $0.position == .path }
            queryParameters = fields.parameters.filter { $0.position == .query }
            headerParameters = fields.parameters.filter { $0.position == .header }
        }
    }

    private var box: Box

    /// Creates an endpoint.
    init(id: String,
         idIsOurs: Bool,
         summary: String?,
         method: String,
         path: PathTemplate,
         parameters: [Parameter],
         request: BodySpec?,
         responses: [ResponseSpec],
         list: ListBehaviour?,
         security: Security,
         deprecation: String?,
         validationFailureAnswers200: Bool,
         notes: [String],
         location: SourceLocation?,
         document: String) {
        box = Box(Fields(id: id, idIsOurs: idIsOurs, summary: summary, method: method, path: path, parameters: parameters, request: request, responses: responses, list: list, security: security, deprecation: deprecation, validationFailureAnswers200: validationFailureAnswers200, notes: notes, location: location, document: document))
    }

    /// The documents' operation id, or ours where they give none.
    public var id: String {
        get { box.fields.id }
        set { update { $0.id = newValue } }
    }
    /// The documents give no operation id, so the contract chose `id`.
    public var idIsOurs: Bool {
        get { box.fields.idIsOurs }
        set { update { $0.idIsOurs = newValue } }
    }
    /// The documents' action title.
    public var summary: String? {
        get { box.fields.summary }
        set { update { $0.summary = newValue } }
    }
    /// The HTTP method, upper case.
    public var method: String {
        get { box.fields.method }
        set { update { $0.method = newValue } }
    }
    /// The path template.
    public var path: PathTemplate {
        get { box.fields.path }
        set { update { $0.path = newValue } }
    }
    /// Path, query and header parameters in documented order.
    public var parameters: [Parameter] {
        get { box.fields.parameters }
        set { update { $0.parameters = newValue } }
    }
    /// The request body, when the endpoint takes one.
    public var request: BodySpec? {
        get { box.fields.request }
        set { update { $0.request = newValue } }
    }
    /// Responses by status code, in ascending status order.
    public var responses: [ResponseSpec] {
        get { box.fields.responses }
        set { update { $0.responses = newValue } }
    }
    /// List behaviour, on list endpoints.
    public var list: ListBehaviour? {
        get { box.fields.list }
        set { update { $0.list = newValue } }
    }
    /// The security group and the permissions of which any one suffices.
    public var security: Security {
        get { box.fields.security }
        set { update { $0.security = newValue } }
    }
    /// The deprecation note, when the endpoint is deprecated (`""` when deprecated without words).
    public var deprecation: String? {
        get { box.fields.deprecation }
        set { update { $0.deprecation = newValue } }
    }
    /// A failed validation answers 200 with the transaction's state unchanged.
    public var validationFailureAnswers200: Bool {
        get { box.fields.validationFailureAnswers200 }
        set { update { $0.validationFailureAnswers200 = newValue } }
    }
    /// Choices the contract made for this endpoint.
    public var notes: [String] {
        get { box.fields.notes }
        set { update { $0.notes = newValue } }
    }
    /// Where the endpoint is written.
    public var location: SourceLocation? {
        get { box.fields.location }
        set { update { $0.location = newValue } }
    }
    /// The reference document the endpoint transcribes.
    public var document: String {
        get { box.fields.document }
        set { update { $0.document = newValue } }
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public static func == (lhs: Endpoint, rhs: Endpoint) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }

    /// Whether the endpoint is deprecated.
    public var isDeprecated: Bool { deprecation != nil }

    /// The parameters in one position, in documented order (kept apart once, not filtered on each call).
    public func parameters(in position: Parameter.Position) -> [Parameter] {
        switch position {
        case .path: box.pathParameters
        case .query: box.queryParameters
        case .header: box.headerParameters
        }
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
