import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension ExchangeChecker {
    /// Checks each path parameter's text against its declared type.
    func checkPathParameters(_ routed: RoutedRequest) -> [Violation] {
        routed.endpoint.parameters(in: .path).flatMap { parameter -> [Violation] in
            guard let text = routed.pathParameters[parameter.name] else { return [] }
            return check(texts: [text], of: parameter, part: .path)
        }
    }

    /// Checks the query: required parameters present, each value of its type; unknown names only when strict.
    func checkQuery(_ routed: RoutedRequest) -> [Violation] {
        let declared = routed.endpoint.parameters(in: .query)
        var violations: [Violation] = []
        for parameter in declared {
            let texts = routed.queryItems.filter { $0.name == parameter.name }.map { $0.value ?? "" }
            if texts.isEmpty, case .named(let schema) = parameter.type.unwrapped,
               let exploded = explodedObject(schema: schema, items: routed.queryItems) {
                violations += validator.validate(exploded, against: parameter.type.unwrapped).map {
                    Violation($0, part: .query, under: JSONPointer(tokens: [parameter.name]))
                }
                continue
            }
            if texts.isEmpty {
                if parameter.isRequired {
                    violations.append(Violation(part: .query, pointer: JSONPointer(tokens: [parameter.name]), rule: .required,
                                                expected: "\(parameter.type.unwrapped)", actual: "absent"))
                }
                continue
            }
            violations += check(texts: texts, of: parameter, part: .query)
        }
        if options.strict {
            let known = Set(declared.map(\.name)).union(declared.flatMap { explodedNames($0) })
            for item in routed.queryItems where !known.contains(item.name) {
                violations.append(Violation(part: .query, pointer: JSONPointer(tokens: [item.name]), rule: .unknownParameter,
                                            expected: "one of \(declared.map(\.name).sorted())",
                                            actual: ValidationIssue.bounded(item.name)))
            }
        }
        return violations
    }

    /// Converts parameter texts to JSON by the declared type and validates the result, pointers under `/name`.
    func check(texts: [String], of parameter: Parameter, part: Violation.Part) -> [Violation] {
        let type = parameter.type.unwrapped
        // The common case, a single string of its format (a tenant uuid, a ULID locator), is judged on its bytes; only
        // a value that fails goes the validator's way, which then reports it with its rule and expectation.
        if texts.count == 1, case .primitive(let primitive) = type, Self.textFormats.contains(primitive),
           Formats.matches(texts[0], primitive) {
            return []
        }
        let pointer = JSONPointer(tokens: [parameter.name])
        switch ParameterDecoding.decode(texts, as: type) {
        case .success(let value):
            return validator.validate(value, against: type).map { Violation($0, part: part, under: pointer) }
        case .failure(let failure):
            return [Violation(part: part, pointer: pointer, rule: failure.rule, expected: failure.expected,
                              actual: ValidationIssue.bounded(failure.actual))]
        }
    }

    /// The primitives whose text is the value itself, so ``Formats`` alone decides whether it is valid.
    static let textFormats: Set<TypeRef.Primitive> = [.string, .uuid, .ulid, .locator, .datetime]

    /// An object query parameter sent exploded (`jobLocators=A&jobLocators=B`), or nil when none of its
    /// properties appear in the query.
    private func explodedObject(schema name: String, items: [HTTPQueryItem]) -> JSONValue? {
        guard let schema = contract.schemas[name] else { return nil }
        var members: [JSONMember] = []
        for property in schema.properties {
            let texts = items.filter { $0.name == property.name }.map { $0.value ?? "" }
            guard !texts.isEmpty else { continue }
            let value = (try? ParameterDecoding.decode(texts, as: property.type.unwrapped).get()) ?? .string(texts[0])
            members.append(JSONMember(key: property.name, value: value))
        }
        return members.isEmpty ? nil : .object(members)
    }

    private func explodedNames(_ parameter: Parameter) -> [String] {
        guard case .named(let name) = parameter.type.unwrapped, let schema = contract.schemas[name] else { return [] }
        return schema.properties.map(\.name)
    }
}

/// Turns the text of path and query parameters into JSON values of their declared type, so that one validator
/// judges parameters and bodies alike.
enum ParameterDecoding {
    /// Why a text could not become a value of its type.
    struct Failure: Error {
        var rule: Violation.Rule
        var expected: String
        var actual: String
    }

    /// Decodes the values of one parameter: arrays take every repetition; scalars take exactly one value; an object
    /// type takes JSON text (the contract's choice for object-typed query parameters).
    static func decode(_ texts: [String], as type: TypeRef) -> Result<JSONValue, Failure> {
        if case .array(let element) = type {
            var values: [JSONValue] = []
            for text in texts {
                switch decode([text], as: element.unwrapped) {
                case .success(let value): values.append(value)
                case .failure(let failure): return .failure(failure)
                }
            }
            return .success(.array(values))
        }
        guard texts.count == 1, let text = texts.first else {
            return .failure(Failure(rule: .type, expected: "one value of \(type)", actual: "\(texts.count) values"))
        }
        switch type {
        case .primitive(.integer):
            guard isInteger(text) else { return .failure(Failure(rule: .type, expected: "integer", actual: text)) }
            return .success(.number(JSONNumber(literal: text)))
        case .primitive(.number):
            guard let number = Double(text), number.isFinite else {
                return .failure(Failure(rule: .type, expected: "number", actual: text))
            }
            return .success(.number(JSONNumber(number)))
        case .primitive(.boolean):
            guard text == "true" || text == "false" else {
                return .failure(Failure(rule: .type, expected: "true or false", actual: text))
            }
            return .success(.bool(text == "true"))
        case .named, .map, .primitive(.object), .oneOf:
            do {
                return .success(try JSONParser().parse(Array(text.utf8)).value())
            } catch {
                return .failure(Failure(rule: .syntax, expected: "JSON text of \(type)", actual: "\(error.line):\(error.column): \(error.message)"))
            }
        default:
            return .success(.string(text))
        }
    }

    /// An optional minus and one or more ASCII digits: the contract sets no bounds, so any length is an integer.
    private static func isInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
