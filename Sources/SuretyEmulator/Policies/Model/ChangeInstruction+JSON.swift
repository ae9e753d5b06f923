import SuretyJSON
import SuretySchemas

extension ChangeInstruction {
    /// Reads one `*ChangeInstructionCreateRequest` object; `pointer` locates it in the body for errors.
    ///
    /// The documents give `AddChangeInstructionCreateRequest` only its `action`; the emulator takes the new
    /// elements as `element` (one) or `elements` (several), each `{type, data?, coverageTerms?, elements?, parentLocator?}`
    /// where `parentLocator` is the static locator of the parent (absent: the segment's root) [I].
    public init(json: JSONValue, at pointer: JSONPointer, context: inout OperationContext) throws(EmulatorError) {
        try self.init(json: json, at: pointer, locator: context.makeLocator())
        assignStaticLocators { context.makeLocator() }
    }

    /// Reads one instruction with a given locator; added elements get static locators later (``assignStaticLocators(_:)``).
    public init(json: JSONValue, at pointer: JSONPointer, locator: String) throws(EmulatorError) {
        guard case .object = json else { throw .invalidBody(pointer: pointer, reason: "expected a change instruction object") }
        guard let action = json["action"]?.stringValue else {
            throw .invalidBody(pointer: pointer.appending("action"), reason: "expected the action add, modify, params or delete")
        }
        switch action {
        case "add":
            var values: [(JSONValue, JSONPointer)] = []
            if let one = json["element"] { values.append((one, pointer.appending("element"))) }
            for (index, value) in (json["elements"]?.arrayValue ?? []).enumerated() {
                values.append((value, pointer.appending("elements").appending(index)))
            }
            var elements: [NewElement] = []
            for (value, at) in values { elements.append(try NewElement(json: value, at: at)) }
            self.init(locator: locator, action: .add(elements))
        case "modify":
            guard let staticLocator = json["staticLocator"]?.stringValue else {
                throw .invalidBody(pointer: pointer.appending("staticLocator"), reason: "expected the static locator of the element to modify")
            }
            self.init(locator: locator, action: .modify(Modification(
                staticLocator: staticLocator,
                setData: json["setData"]?.objectValue ?? [],
                removeData: Array((json["removeData"]?.objectValue ?? []).map(\.key)),
                setCoverageTerms: Self.strings(json["setCoverageTerms"]),
                removeCoverageTerms: (json["removeCoverageTerms"]?.objectValue ?? []).map(\.key))))
        case "params":
            guard let text = json["effectiveTime"]?.stringValue, let effective = Timestamp(rfc3339: text) else {
                throw .invalidBody(pointer: pointer.appending("effectiveTime"), reason: "expected an RFC 3339 effectiveTime")
            }
            var end: Timestamp?
            if let value = json["newPolicyEndTime"], value != .null {
                guard let parsed = value.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
                    throw .invalidBody(pointer: pointer.appending("newPolicyEndTime"), reason: "expected an RFC 3339 datetime")
                }
                end = parsed
            }
            let preferences = json["preferences"].flatMap { $0 == .null ? nil : $0 }
            self.init(locator: locator, action: .params(Parameters(effectiveTime: effective, newPolicyEndTime: end,
                                                                 preferences: preferences,
                                                                 triggerBillingChange: json["triggerBillingChange"]?.boolValue)))
        case "delete":
            guard let values = json["staticElementLocators"]?.arrayValue else {
                throw .invalidBody(pointer: pointer.appending("staticElementLocators"), reason: "expected an array of static locators")
            }
            self.init(locator: locator, action: .delete(values.compactMap(\.stringValue)))
        default:
            throw .invalidBody(pointer: pointer.appending("action"), reason: "unsupported action \(action.prefix(40))")
        }
    }

    /// The string values of a JSON object, by key.
    static func strings(_ value: JSONValue?) -> [String: String] {
        var result: [String: String] = [:]
        for member in value?.objectValue ?? [] { result[member.key] = member.value.stringValue ?? JSONWriter().string(member.value) }
        return result
    }

    /// The instruction as its `*ChangeInstructionResponse`.
    public var jsonValue: JSONValue {
        switch action {
        case .add(let elements):
            return .object(["locator": .string(locator), "action": "add", "elements": .array(elements.map(\.jsonValue))])
        case .modify(let change):
            return .object([
                "locator": .string(locator), "staticLocator": .string(change.staticLocator), "action": "modify",
                "removeCoverageTerms": .object(change.removeCoverageTerms.map { JSONMember(key: $0, value: .object([])) }),
                "removeData": .object(change.removeData.map { JSONMember(key: $0, value: .object([])) }),
                "setCoverageTerms": .object(change.setCoverageTerms.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .string($0.value)) }),
                "setData": .object(change.setData),
            ])
        case .params(let parameters):
            var members = [JSONMember(key: "locator", value: .string(locator)),
                           JSONMember(key: "effectiveTime", value: .string(parameters.effectiveTime.rfc3339(fractional: true))),
                           JSONMember(key: "action", value: "params")]
            if let end = parameters.newPolicyEndTime { members.append(JSONMember(key: "newPolicyEndTime", value: .string(end.rfc3339(fractional: true)))) }
            if let preferences = parameters.preferences { members.append(JSONMember(key: "preferences", value: preferences)) }
            if let trigger = parameters.triggerBillingChange { members.append(JSONMember(key: "triggerBillingChange", value: .bool(trigger))) }
            return .object(members)
        case .delete(let locators):
            return .object(["locator": .string(locator), "action": "delete", "staticElementLocators": .array(locators.map { .string($0) })])
        }
    }
}

extension ChangeInstruction.NewElement {
    /// Reads `{type, data?, coverageTerms?, elements?, parentLocator?}`.
    init(json: JSONValue, at pointer: JSONPointer) throws(EmulatorError) {
        guard let type = json["type"]?.stringValue else {
            throw .invalidBody(pointer: pointer.appending("type"), reason: "expected the element's type")
        }
        var children: [Self] = []
        for (index, child) in (json["elements"]?.arrayValue ?? []).enumerated() {
            children.append(try Self(json: child, at: pointer.appending("elements").appending(index)))
        }
        let data = json["data"].flatMap { $0.objectValue == nil ? nil : $0 } ?? .object([])
        self.init(type: type, data: data, coverageTerms: ChangeInstruction.strings(json["coverageTerms"]), children: children,
                  parentStaticLocator: json["parentLocator"]?.stringValue)
    }

    /// The element as written back in an instruction.
    var jsonValue: JSONValue {
        var members = [JSONMember(key: "type", value: .string(type)), JSONMember(key: "data", value: data)]
        if !coverageTerms.isEmpty {
            members.append(JSONMember(key: "coverageTerms", value: .object(coverageTerms.sorted { $0.key < $1.key }
                .map { JSONMember(key: $0.key, value: .string($0.value)) })))
        }
        if !children.isEmpty { members.append(JSONMember(key: "elements", value: .array(children.map(\.jsonValue)))) }
        if let parentStaticLocator { members.append(JSONMember(key: "parentLocator", value: .string(parentStaticLocator))) }
        return .object(members)
    }
}
