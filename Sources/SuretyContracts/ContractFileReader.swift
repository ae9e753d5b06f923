import SuretyJSON
import SuretySchemas

/// Reads one contract file (the format in contracts/README.md) into endpoints and schemas.
struct ContractFileReader {
    typealias Members = [(key: String, keyIndex: Int, valueIndex: Int)]

    var reader: LocatedReader

    static let fileKeys: Set<String> = ["surety", "source", "notes", "endpoints", "schemas"]
    static let endpointKeys: Set<String> = [
        "id", "idSource", "summary", "method", "path", "parameters", "request", "responses", "list", "security",
        "deprecated", "validationFailureAnswers200", "notes",
    ]
    static let schemaKeys: Set<String> = ["nameSource", "description", "required", "optional", "notes", "undocumented"]
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    struct Parsed {
        var document: ContractDocument
        var endpoints: [Endpoint]
        var schemas: [Schema]
        var undocumented: Set<String>
    }

    mutating func read() -> Parsed? {
        let root = reader.document.root
        guard let members = reader.object(root, .root, allowed: Self.fileKeys) else { return nil }
        if let format = reader.member(members, "surety", of: root, .root, required: true),
           let value = reader.string(format, "/surety"), value != "contract/1" {
            reader.error("unsupported format \"\(value)\": expected \"contract/1\"", at: format, "/surety")
        }
        var documentName = ""
        var title = ""
        if let source = reader.member(members, "source", of: root, .root, required: true),
           let sourceMembers = reader.object(source, "/source", allowed: ["document", "title"]) {
            if let node = reader.member(sourceMembers, "document", of: source, "/source", required: true) {
                documentName = reader.string(node, "/source/document") ?? ""
            }
            if let node = reader.member(sourceMembers, "title", of: source, "/source", required: true) {
                title = reader.string(node, "/source/title") ?? ""
            }
        }
        let notes = reader.optionalStrings(members, "notes", .root)
        var endpoints: [Endpoint] = []
        if let node = reader.member(members, "endpoints", of: root, .root, required: true),
           let elements = reader.array(node, "/endpoints") {
            for (position, element) in elements.enumerated() {
                if let endpoint = readEndpoint(element, JSONPointer(tokens: ["endpoints", String(position)]), document: documentName) {
                    endpoints.append(endpoint)
                }
            }
        }
        var schemas: [Schema] = []
        var undocumented: Set<String> = []
        if let node = reader.member(members, "schemas", of: root, .root, required: true),
           let entries = reader.object(node, "/schemas") {
            for entry in entries {
                let pointer = JSONPointer(tokens: ["schemas", entry.key])
                if let (schema, isUndocumented) = readSchema(entry.key, entry.valueIndex, keyNode: entry.keyIndex, pointer) {
                    schemas.append(schema)
                    if isUndocumented { undocumented.insert(schema.name) }
                }
            }
        }
        let document = ContractDocument(file: reader.file, document: documentName, title: title, notes: notes)
        return Parsed(document: document, endpoints: endpoints, schemas: schemas, undocumented: undocumented)
    }

    /// Parses a type string, reporting a bad one at the string's position with the column inside it.
    mutating func parseType(_ node: Int, _ pointer: JSONPointer) -> TypeAnnotation? {
        guard let text = reader.string(node, pointer) else { return nil }
        do {
            return try TypeAnnotation(parsing: text)
        } catch {
            var position = reader.position(node)
            position.column += error.column // the opening quote is column 0 of the type string
            reader.diagnostics.append(Diagnostic(.error, file: reader.file, position: position,
                                                 message: error.description, pointer: pointer))
            return nil
        }
    }

    mutating func readSchema(_ name: String, _ node: Int, keyNode: Int, _ pointer: JSONPointer) -> (Schema, Bool)? {
        guard let members = reader.object(node, pointer, allowed: Self.schemaKeys) else { return nil }
        var nameIsOurs = false
        if let source = reader.optionalString(members, "nameSource", pointer) {
            guard source == "ours" || source == "documented" else {
                reader.error("nameSource must be \"documented\" or \"ours\", found \"\(source)\"", at: node, pointer.appending("nameSource"))
                return nil
            }
            nameIsOurs = source == "ours"
        }
        var isUndocumented = false
        if let flag = members.first(where: { $0.key == "undocumented" }) {
            isUndocumented = reader.bool(flag.valueIndex, pointer.appending("undocumented")) ?? false
        }
        var properties: [Property] = []
        for (bucket, isRequired) in [("required", true), ("optional", false)] {
            guard let bucketNode = members.first(where: { $0.key == bucket })?.valueIndex,
                  let entries = reader.object(bucketNode, pointer.appending(bucket)) else { continue }
            for entry in entries {
                let propertyPointer = pointer.appending(bucket).appending(entry.key)
                if properties.contains(where: { $0.name == entry.key }) {
                    reader.error("property \(entry.key) is listed twice in \(name)", at: entry.keyIndex, propertyPointer)
                    continue
                }
                if let property = readProperty(entry.key, entry.valueIndex, keyNode: entry.keyIndex, isRequired: isRequired, propertyPointer) {
                    properties.append(property)
                }
            }
        }
        let schema = Schema(name: name, nameIsOurs: nameIsOurs, properties: properties,
                            description: reader.optionalString(members, "description", pointer),
                            notes: reader.optionalStrings(members, "notes", pointer), location: reader.location(keyNode))
        return (schema, isUndocumented)
    }

    mutating func readProperty(_ name: String, _ node: Int, keyNode: Int, isRequired: Bool, _ pointer: JSONPointer) -> Property? {
        var typeNode = node
        var description: String?
        var deprecatedValues: [String] = []
        var isInferred = false
        if reader.document.kind(node) == .object {
            guard let members = reader.object(node, pointer, allowed: ["type", "description", "deprecatedValues", "source"]),
                  let found = reader.member(members, "type", of: node, pointer, required: true) else { return nil }
            typeNode = found
            description = reader.optionalString(members, "description", pointer)
            deprecatedValues = reader.optionalStrings(members, "deprecatedValues", pointer)
            if let text = reader.optionalString(members, "source", pointer) {
                guard let source = BodySpec.Source(rawValue: text) else {
                    reader.error("source \"\(text)\": expected documented or inferred", at: node, pointer.appending("source"))
                    return nil
                }
                isInferred = source == .inferred
            }
        }
        let typePointer = typeNode == node ? pointer : pointer.appending("type")
        guard let annotation = parseType(typeNode, typePointer) else { return nil }
        return Property(name: name, type: annotation.type, isRequired: isRequired, isDeprecated: annotation.deprecated,
                        deprecatedValues: deprecatedValues, description: description, isInferred: isInferred,
                        location: reader.location(keyNode))
    }
}
