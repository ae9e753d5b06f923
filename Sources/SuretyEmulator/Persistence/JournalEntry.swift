import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// One state-changing event of the emulator, as a line of the state journal (`serve --emulate --state DIR`).
///
/// The journal records what happened, not the resulting model: a successful, non-stateless request with the
/// instant and user it ran at, and the admin operations. Replaying the lines in order on the same fixtures and
/// seed rebuilds the same state, because handlers are deterministic in their store, time, user and locator
/// generator. So every part of the emulator (policies, billing, jobs) persists without a serialised model.
public enum JournalEntry: Sendable, Hashable {
    /// A request that changed a tenant's store.
    case call(Call)
    /// The clock was set or advanced; the mode it has since.
    case clock(EmulatorClock.Mode)
    /// Fixtures were added at `at` (`POST /__surety/fixtures`); the document as sent.
    case fixtures(document: JSONValue, at: Timestamp)
    /// The state was reset to the fixtures (`POST /__surety/reset`).
    case reset
    /// The locator generator stood here: written only by compaction, before a ``fixtures(document:at:)`` entry, in
    /// place of the calls it dropped (the fixtures' baseline takes the generator as those calls left it).
    case locators(ULIDGenerator.State)

    /// A recorded request: enough to run its handler again without routing or authorising it.
    public struct Call: Sendable, Hashable {
        /// The endpoint id.
        public var endpointID: String
        /// The instant the request ran at.
        public var at: Timestamp
        /// The acting user (never the token).
        public var user: String
        /// Path parameters by name.
        public var path: [String: String]
        /// Query pairs in order.
        public var query: [HTTPQueryItem]
        /// The parsed body, if any.
        public var body: JSONValue?

        /// Creates a recorded request.
        public init(endpointID: String, at: Timestamp, user: String, path: [String: String], query: [HTTPQueryItem], body: JSONValue?) {
            self.endpointID = endpointID
            self.at = at
            self.user = user
            self.path = path
            self.query = query
            self.body = body
        }
    }

    /// The entry as a JSON object (one journal line).
    public var jsonValue: JSONValue {
        switch self {
        case .call(let call):
            var members: [JSONMember] = [
                JSONMember(key: "call", value: .string(call.endpointID)),
                JSONMember(key: "at", value: .string(call.at.rfc3339(fractionDigits: 6))),
                JSONMember(key: "user", value: .string(call.user)),
                JSONMember(key: "path", value: .object(call.path.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .string($0.value)) })),
                JSONMember(key: "query", value: .array(call.query.map { .array([.string($0.name), $0.value.map(JSONValue.string) ?? .null]) })),
            ]
            if let body = call.body { members.append(JSONMember(key: "body", value: body)) }
            return .object(members)
        case .clock(.system(let offset)):
            return .object(["clock": "system", "offsetMicroseconds": .number(JSONNumber(literal: String(offset)))])
        case .clock(.manual(let instant)):
            return .object(["clock": "manual", "at": .string(instant.rfc3339(fractionDigits: 6))])
        case .fixtures(let document, let at):
            return .object(["fixtures": document, "at": .string(at.rfc3339(fractionDigits: 6))])
        case .reset:
            return .object(["reset": true])
        case .locators(let state):
            let number = { (text: String) in JSONValue.number(JSONNumber(literal: text)) }
            return .object(["locators": .object([
                JSONMember(key: "random", value: number(String(state.random))),
                JSONMember(key: "lastMilliseconds", value: number(String(state.lastMilliseconds))),
                JSONMember(key: "high", value: number(String(state.high))),
                JSONMember(key: "low", value: number(String(state.low))),
            ])])
        }
    }

    /// Reads a journal line's object; throws the reason when it is not an entry.
    public init(json: JSONValue) throws(JournalEntry.Malformed) {
        func instant(_ key: String) throws(JournalEntry.Malformed) -> Timestamp {
            guard let text = json[key]?.stringValue, let value = Timestamp(rfc3339: text) else { throw Malformed(reason: "/\(key) is not an RFC 3339 time") }
            return value
        }
        if let endpointID = json["call"]?.stringValue {
            guard let user = json["user"]?.stringValue else { throw Malformed(reason: "/user is missing") }
            guard let pathMembers = json["path"]?.objectValue else { throw Malformed(reason: "/path is not an object") }
            var path: [String: String] = [:]
            for member in pathMembers {
                guard let value = member.value.stringValue else { throw Malformed(reason: "/path/\(member.key) is not a string") }
                path[member.key] = value
            }
            var query: [HTTPQueryItem] = []
            for pair in json["query"]?.arrayValue ?? [] {
                guard let name = pair[0]?.stringValue else { throw Malformed(reason: "/query holds a pair without a name") }
                query.append(HTTPQueryItem(name: name, value: pair[1]?.stringValue))
            }
            self = .call(Call(endpointID: endpointID, at: try instant("at"), user: user, path: path, query: query, body: json["body"]))
        } else if let mode = json["clock"]?.stringValue {
            switch mode {
            case "manual": self = .clock(.manual(try instant("at")))
            case "system":
                guard let offset = json["offsetMicroseconds"]?.numberValue.flatMap({ Int64($0.literal) }) else {
                    throw Malformed(reason: "/offsetMicroseconds is not a whole number")
                }
                self = .clock(.system(offsetMicroseconds: offset))
            default: throw Malformed(reason: "/clock is \(mode), expected manual or system")
            }
        } else if let document = json["fixtures"] {
            self = .fixtures(document: document, at: try instant("at"))
        } else if json["reset"] == true {
            self = .reset
        } else if let generator = json["locators"] {
            func whole<T: FixedWidthInteger>(_ key: String, as _: T.Type) throws(JournalEntry.Malformed) -> T {
                guard let value = generator[key]?.numberValue.flatMap({ T($0.literal) }) else {
                    throw Malformed(reason: "/locators/\(key) is not a whole number in range")
                }
                return value
            }
            self = .locators(ULIDGenerator.State(random: try whole("random", as: UInt64.self), lastMilliseconds: try whole("lastMilliseconds", as: Int64.self),
                                                 high: try whole("high", as: UInt16.self), low: try whole("low", as: UInt64.self)))
        } else {
            throw Malformed(reason: "expected one of call, clock, fixtures, reset, locators")
        }
    }

    /// Why a line is not a journal entry.
    public struct Malformed: Error, Equatable, Sendable {
        /// The reason.
        public var reason: String

        /// Says why a line is not an entry.
        public init(reason: String) {
            self.reason = reason
        }
    }
}
