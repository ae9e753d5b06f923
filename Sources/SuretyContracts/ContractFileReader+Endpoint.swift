import SuretyJSON
import SuretySchemas

extension ContractFileReader {
    mutating func readEndpoint(_ node: Int, _ pointer: JSONPointer, document: String) -> Endpoint? {
        guard let members = reader.object(node, pointer, allowed: Self.endpointKeys) else { return nil }
        var complete = true
        func required(_ key: String, _ reader: inout LocatedReader) -> Int? {
            let found = reader.member(members, key, of: node, pointer, required: true)
            if found == nil { complete = false }
            return found
        }
        let id = required("id", &reader).flatMap { reader.string($0, pointer.appending("id")) }
        var idIsOurs = false
        if let source = reader.optionalString(members, "idSource", pointer) {
            if source != "ours" && source != "documented" {
                reader.error("idSource must be \"documented\" or \"ours\", found \"\(source)\"", at: node, pointer.appending("idSource"))
            }
            idIsOurs = source == "ours"
        }
        var method: String?
        if let methodNode = required("method", &reader), let text = reader.string(methodNode, pointer.appending("method")) {
            if Self.methods.contains(text) {
                method = text
            } else {
                reader.error("unknown method \"\(text)\": expected one of GET, POST, PUT, PATCH, DELETE", at: methodNode, pointer.appending("method"))
            }
        }
        var path: PathTemplate?
        if let pathNode = required("path", &reader), let text = reader.string(pathNode, pointer.appending("path")) {
            path = PathTemplate(text)
            if path == nil {
                reader.error("malformed path template \"\(text)\": expected /segment/{parameter}/…", at: pathNode, pointer.appending("path"))
            }
        }
        var parameters: [Parameter] = []
        if let parametersNode = required("parameters", &reader), let elements = reader.array(parametersNode, pointer.appending("parameters")) {
            for (position, element) in elements.enumerated() {
                if let parameter = readParameter(element, pointer.appending("parameters").appending(position)) {
                    parameters.append(parameter)
                }
            }
        }
        let request = members.first { $0.key == "request" }.flatMap { readBody($0.valueIndex, pointer.appending("request")) }
        var responses: [ResponseSpec] = []
        if let responsesNode = required("responses", &reader), let entries = reader.object(responsesNode, pointer.appending("responses")) {
            for entry in entries {
                let entryPointer = pointer.appending("responses").appending(entry.key)
                guard let status = Int(entry.key), (100...599).contains(status) else {
                    reader.error("response key \"\(entry.key)\" is not an HTTP status code", at: entry.keyIndex, entryPointer)
                    continue
                }
                if let body = readBody(entry.valueIndex, entryPointer) { responses.append(ResponseSpec(status: status, body: body)) }
            }
        }
        let list = members.first { $0.key == "list" }.flatMap { readList($0.valueIndex, pointer.appending("list")) }
        let security = required("security", &reader).flatMap { readSecurity($0, pointer.appending("security")) }
        var deprecation: String?
        if let deprecatedNode = members.first(where: { $0.key == "deprecated" })?.valueIndex {
            if reader.document.kind(deprecatedNode) == .object, let inner = reader.object(deprecatedNode, pointer.appending("deprecated"), allowed: ["note"]) {
                deprecation = reader.optionalString(inner, "note", pointer.appending("deprecated")) ?? ""
            } else if reader.bool(deprecatedNode, pointer.appending("deprecated")) == true {
                deprecation = ""
            }
        }
        var failureAnswers200 = false
        if let flag = members.first(where: { $0.key == "validationFailureAnswers200" })?.valueIndex {
            failureAnswers200 = reader.bool(flag, pointer.appending("validationFailureAnswers200")) ?? false
        }
        guard complete, let id, let method, let path, let security else { return nil }
        return Endpoint(
            id: id, idIsOurs: idIsOurs, summary: reader.optionalString(members, "summary", pointer), method: method, path: path,
            parameters: parameters, request: request, responses: responses.sorted { $0.status < $1.status }, list: list,
            security: security, deprecation: deprecation, validationFailureAnswers200: failureAnswers200,
            notes: reader.optionalStrings(members, "notes", pointer), location: reader.location(node), document: document)
    }

    mutating func readParameter(_ node: Int, _ pointer: JSONPointer) -> Parameter? {
        guard let members = reader.object(node, pointer, allowed: ["name", "in", "type", "required", "description"]) else { return nil }
        let name = reader.member(members, "name", of: node, pointer, required: true).flatMap { reader.string($0, pointer.appending("name")) }
        var position: Parameter.Position?
        if let inNode = reader.member(members, "in", of: node, pointer, required: true), let text = reader.string(inNode, pointer.appending("in")) {
            position = Parameter.Position(rawValue: text)
            if position == nil { reader.error("parameter position \"\(text)\": expected path, query or header", at: inNode, pointer.appending("in")) }
        }
        let type = reader.member(members, "type", of: node, pointer, required: true).flatMap { parseType($0, pointer.appending("type")) }
        let isRequired = reader.member(members, "required", of: node, pointer, required: true).flatMap { reader.bool($0, pointer.appending("required")) }
        guard let name, let position, let type, let isRequired else { return nil }
        return Parameter(name: name, position: position, type: type.type, isRequired: isRequired, location: reader.location(node))
    }

    mutating func readBody(_ node: Int, _ pointer: JSONPointer) -> BodySpec? {
        guard let members = reader.object(node, pointer, allowed: ["type", "source", "note"]),
              let typeNode = reader.member(members, "type", of: node, pointer, required: true),
              let annotation = parseType(typeNode, pointer.appending("type")) else { return nil }
        var source = BodySpec.Source.documented
        if let text = reader.optionalString(members, "source", pointer) {
            guard let parsed = BodySpec.Source(rawValue: text) else {
                reader.error("source \"\(text)\": expected documented or inferred", at: node, pointer.appending("source"))
                return nil
            }
            source = parsed
        }
        return BodySpec(type: annotation.type, source: source, note: reader.optionalString(members, "note", pointer), location: reader.location(node))
    }

    mutating func readList(_ node: Int, _ pointer: JSONPointer) -> ListBehaviour? {
        guard let members = reader.object(node, pointer, allowed: ["itemType", "extended", "unknownReference"]),
              let typeNode = reader.member(members, "itemType", of: node, pointer, required: true),
              let itemType = parseType(typeNode, pointer.appending("itemType")) else { return nil }
        let extended = members.first { $0.key == "extended" }.flatMap { reader.bool($0.valueIndex, pointer.appending("extended")) } ?? false
        var unknownReference = ListBehaviour.UnknownReference.unspecified
        if let text = reader.optionalString(members, "unknownReference", pointer) {
            guard let parsed = ListBehaviour.UnknownReference(rawValue: text) else {
                reader.error("unknownReference \"\(text)\": expected emptyList or unspecified", at: node, pointer.appending("unknownReference"))
                return nil
            }
            unknownReference = parsed
        }
        return ListBehaviour(itemType: itemType.type, extended: extended, unknownReference: unknownReference)
    }

    mutating func readSecurity(_ node: Int, _ pointer: JSONPointer) -> Security? {
        guard let members = reader.object(node, pointer, allowed: ["group", "permissions"]),
              let groupNode = reader.member(members, "group", of: node, pointer, required: true),
              let group = reader.string(groupNode, pointer.appending("group")),
              let permissionsNode = reader.member(members, "permissions", of: node, pointer, required: true) else { return nil }
        let permissions = reader.strings(permissionsNode, pointer.appending("permissions"))
        if permissions.isEmpty { reader.error("an endpoint needs at least one permission", at: permissionsNode, pointer.appending("permissions")) }
        return Security(group: group, permissions: permissions)
    }
}
