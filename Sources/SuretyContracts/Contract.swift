import SuretyJSON
import SuretySchemas

/// The whole declarative contract: every endpoint and schema of the reference documents.
public struct Contract: Sendable {
    /// The files the contract was read from and the documents they transcribe.
    public var documents: [ContractDocument]
    /// Every endpoint, in file then document order.
    public var endpoints: [Endpoint]
    /// Every schema, global across files.
    public var schemas: SchemaSet
    /// Schemas the documents name without a table: any object is accepted.
    public var undocumentedSchemas: Set<String>

    /// Creates a contract.
    public init(documents: [ContractDocument], endpoints: [Endpoint], schemas: SchemaSet, undocumentedSchemas: Set<String> = []) {
        self.documents = documents
        self.endpoints = endpoints
        self.schemas = schemas
        self.undocumentedSchemas = undocumentedSchemas
    }

    /// The endpoint with this id.
    public func endpoint(id: String) -> Endpoint? {
        endpoints.first { $0.id == id }
    }

    /// Endpoint ids close to `id`, for "did you mean" suggestions.
    public func endpointSuggestions(for id: String) -> [String] {
        EditDistance.closest(to: id, among: endpoints.map(\.id))
    }

    /// A validator over this contract's schemas.
    public func makeValidator(strict: Bool = false) -> SchemaValidator {
        SchemaValidator(contract: self, strict: strict)
    }

    /// A router over this contract's endpoints.
    public func makeRouter() -> Router {
        Router(endpoints: endpoints)
    }
}

extension SchemaValidator {
    /// Compiles the schemas of a contract and the body type of every request and response; the one-call entry
    /// point for library users.
    public init(contract: Contract, strict: Bool = false) {
        let bodies = contract.endpoints.flatMap { endpoint in
            (endpoint.request.map { [$0.type] } ?? []) + endpoint.responses.map(\.body.type)
        }
        self.init(schemas: contract.schemas, undocumented: contract.undocumentedSchemas, options: .init(strict: strict), prepare: bodies)
    }
}

/// One contract file and the reference document it transcribes.
public struct ContractDocument: Sendable, Hashable {
    /// The contract file.
    public var file: String
    /// The reference document's file name under `shared/seeds/`.
    public var document: String
    /// The document's title.
    public var title: String
    /// Choices made for the whole document.
    public var notes: [String]
}
