import Foundation
import SuretyJSON

/// A message body as a recording keeps it: JSON when Surety can write the same bytes back, else text, else base64.
///
/// A body is stored as JSON only when writing the parsed value compactly gives back the exact bytes received, so a
/// replayed body is byte-identical to the recorded one and a JSON body still diffs well in git. Other bodies are
/// stored as text when they are valid UTF-8, and as base64 otherwise.
public enum RecordedBody: Sendable, Hashable {
    /// No body (zero bytes).
    case empty
    /// A JSON body, its object members in the order received.
    case json(JSONValue)
    /// A UTF-8 body that is not JSON written compactly.
    case text(String)
    /// Bytes that are not UTF-8.
    case binary([UInt8])

    /// Classifies received bytes.
    public init(bytes: [UInt8]) {
        if bytes.isEmpty {
            self = .empty
        } else if let document = try? JSONParser().parse(bytes), document.duplicateKeys.isEmpty,
                  JSONWriter(style: .compact).bytes(document.value()) == bytes {
            self = .json(document.value())
        } else if case let text = String(decoding: bytes, as: UTF8.self), Array(text.utf8) == bytes {
            self = .text(text)
        } else {
            self = .binary(bytes)
        }
    }

    /// The bytes to send: JSON written compactly, text as UTF-8, binary as is.
    public var bytes: [UInt8] {
        switch self {
        case .empty: return []
        case .json(let value): return JSONWriter(style: .compact).bytes(value)
        case .text(let text): return Array(text.utf8)
        case .binary(let bytes): return bytes
        }
    }

    /// The JSON value, when the body is JSON.
    public var jsonValue: JSONValue? {
        if case .json(let value) = self { return value }
        return nil
    }

    /// Whether the body has no bytes.
    public var isEmpty: Bool { self == .empty }

    /// The body's member in a recording file: `{"json": …}`, `{"text": "…"}` or `{"base64": "…"}`; nil when empty.
    var fileValue: JSONValue? {
        switch self {
        case .empty: return nil
        case .json(let value): return .object(["json": value])
        case .text(let text): return .object(["text": .string(text)])
        case .binary(let bytes): return .object(["base64": .string(Data(bytes).base64EncodedString())])
        }
    }
}
