import Foundation
import SuretyJSON

/// A message body as a recording keeps it: JSON whenever its bytes parse as JSON (whatever the whitespace), else text,
/// else base64; sent again byte for byte.
///
/// A JSON body whose compact writing gives back the exact bytes received is ``json(_:)``; one that was formatted
/// otherwise (indentation, spaces after colons, a trailing newline) is ``formattedJSON(_:text:)``, which keeps the
/// text received so that a replay is byte-identical while judging, matching and diffing read the value. Other bodies
/// are text when they are valid UTF-8, and binary otherwise.
public enum RecordedBody: Sendable, Hashable {
    /// No body (zero bytes).
    case empty
    /// A JSON body written compactly, its object members in the order received.
    case json(JSONValue)
    /// A JSON body formatted otherwise than compactly: its value, and the text received, which is what is sent.
    case formattedJSON(JSONValue, text: String)
    /// A UTF-8 body that is not JSON.
    case text(String)
    /// Bytes that are not UTF-8.
    case binary([UInt8])

    /// Classifies received bytes.
    public init(bytes: [UInt8]) {
        if bytes.isEmpty {
            self = .empty
        } else if let json = Self.json(bytes) {
            self = json
        } else if case let text = String(decoding: bytes, as: UTF8.self), Array(text.utf8) == bytes {
            self = .text(text)
        } else {
            self = .binary(bytes)
        }
    }

    /// Classifies a text a recording file keeps as `{"text": …}` (files written before formatted JSON was JSON).
    init(text: String) {
        self = text.isEmpty ? .empty : Self.json(Array(text.utf8)) ?? .text(text)
    }

    /// JSON (compact or formatted) when the bytes are one UTF-8 JSON document without repeated keys; nil otherwise.
    private static func json(_ bytes: [UInt8]) -> RecordedBody? {
        guard let document = try? JSONParser().parse(bytes), document.duplicateKeys.isEmpty else { return nil }
        let value = document.value()
        if JSONWriter(style: .compact).bytes(value) == bytes { return .json(value) }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? .formattedJSON(value, text: text) : nil
    }

    /// The bytes to send: compact JSON written again, formatted JSON and text as received, binary as is.
    public var bytes: [UInt8] {
        switch self {
        case .empty: return []
        case .json(let value): return JSONWriter(style: .compact).bytes(value)
        case .formattedJSON(_, let text), .text(let text): return Array(text.utf8)
        case .binary(let bytes): return bytes
        }
    }

    /// The JSON value, when the body is JSON (compact or formatted).
    public var jsonValue: JSONValue? {
        switch self {
        case .json(let value), .formattedJSON(let value, _): return value
        default: return nil
        }
    }

    /// Whether the body has no bytes.
    public var isEmpty: Bool { self == .empty }

    /// The body's member in a recording file: `{"json": …}`, `{"json": …, "text": "…"}` for formatted JSON,
    /// `{"text": "…"}` or `{"base64": "…"}`; nil when empty.
    var fileValue: JSONValue? {
        switch self {
        case .empty: return nil
        case .json(let value): return .object(["json": value])
        case .formattedJSON(let value, let text): return .object(["json": value, "text": .string(text)])
        case .text(let text): return .object(["text": .string(text)])
        case .binary(let bytes): return .object(["base64": .string(Data(bytes).base64EncodedString())])
        }
    }
}
