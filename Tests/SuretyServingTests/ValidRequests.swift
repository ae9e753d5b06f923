import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Builds a request every endpoint accepts: seeded path parameters of the right format, required query
/// parameters, and a generated body of the request type.
struct ValidRequests {
    let contract: Contract
    let tenant = "3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"

    func request(for endpoint: Endpoint, seed: UInt64 = 7) -> HTTPRequest {
        var random = SeededRandom(seed: seed, key: endpoint.id)
        var values: [String: String] = [:]
        for parameter in endpoint.parameters(in: .path) {
            values[parameter.name] = parameter.name == "tenantLocator" ? tenant : text(for: parameter.type, random: &random)
        }
        var query: [String] = []
        for parameter in endpoint.parameters(in: .query) where parameter.isRequired {
            let value = generator.example(of: parameter.type.unwrapped, random: &random)
            let text = value.stringValue ?? JSONWriter(style: .compact).string(value)
            query.append("\(parameter.name)=\(Self.percentEncoded(text))")
        }
        let target = endpoint.path.expand(values) + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        var headers = HTTPFields()
        var body: [UInt8] = []
        if let type = endpoint.request?.type, type != .empty {
            headers["Content-Type"] = "application/json"
            body = type == .unspecified ? Array("{}".utf8) : JSONWriter(style: .compact).bytes(generator.example(of: type, random: &random))
        }
        return HTTPRequest(method: HTTPMethod(rawValue: endpoint.method), target: target, headers: headers, body: body)
    }

    var generator: ExampleGenerator { ExampleGenerator(schemas: contract.schemas, optional: .all) }

    private func text(for type: TypeRef, random: inout SeededRandom) -> String {
        switch type.unwrapped {
        case .primitive(.uuid): return ExampleGenerator.uuid(random: &random)
        case .primitive(.ulid), .primitive(.locator): return ExampleGenerator.ulid(random: &random)
        case .primitive(.integer): return String(random.below(100))
        default: return "segment\(random.below(1000))"
        }
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isLetter && byte < 128 || c.isNumber && byte < 128 || "-._~".contains(c) { out.append(c) } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
