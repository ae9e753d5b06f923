import SuretyJSON
import SuretySchemas

/// Walks an OLD and a NEW response body side by side with their contract type, collecting classified differences.
struct BodyWalker {
    let diff: RecordingDiff
    let alignment: LocatorAlignment
    /// The differences found, in document order.
    private(set) var differences: [Difference] = []

    init(diff: RecordingDiff, alignment: LocatorAlignment) {
        self.diff = diff
        self.alignment = alignment
    }

    /// Compares two bodies: JSON by value with `type`, anything else byte for byte.
    mutating func compareBodies(_ old: RecordedBody, _ new: RecordedBody, type: TypeRef?) {
        if let oldValue = old.jsonValue, let newValue = new.jsonValue {
            compare(oldValue, newValue, type: type, at: .root, shapeOnly: false)
            return
        }
        switch (old, new) {
        case _ where old == new:
            break
        case (.empty, _):
            report(.propertyAdded, at: .root, old: nil, new: new)
        case (_, .empty):
            report(.requiredPropertyRemoved, at: .root, old: old, new: nil)
        default:
            let rule: DiffRule = Self.kind(old) == Self.kind(new) ? .valueChanged : .typeChanged
            report(rule, at: .root, old: old, new: new)
        }
    }

    /// Compares two values at `pointer`; `shapeOnly` compares types and documented sets, never values.
    mutating func compare(_ old: JSONValue, _ new: JSONValue, type: TypeRef?, at pointer: JSONPointer, shapeOnly: Bool) {
        guard !isIgnored(pointer) else { return }
        let nullable = type.map { $0.isOptional || $0 == .unspecified } ?? true
        let type = type?.unwrapped
        switch (old, new) {
        case (.null, .null):
            return
        case (_, .null):
            if !shapeOnly || !nullable { report(nullable ? .valueChanged : .propertyBecameNull, at: pointer, old: old, new: new) }
            return
        case (.null, _):
            if !shapeOnly { report(.valueChanged, at: pointer, old: old, new: new) }
            return
        default:
            break
        }
        guard old.typeName == new.typeName else {
            report(.typeChanged, at: pointer, old: old, new: new)
            return
        }
        switch (old, new, type) {
        case (.string(let oldText), .string(let newText), .primitive(let primitive)?) where Self.isVolatile(primitive) && !diff.options.exact:
            if Formats.matches(oldText, primitive) && !Formats.matches(newText, primitive) {
                report(.formatInvalid, at: pointer, old: old, new: new)
            }
        case (.string(let oldText), .string(let newText), .enumeration(let values)?):
            guard oldText != newText else { return }
            if !values.contains(newText) {
                report(.enumValueUndocumented, at: pointer, old: old, new: new)
            } else if !shapeOnly {
                report(.enumValueDocumented, at: pointer, old: old, new: new)
            }
        case let (.object(oldMembers), .object(newMembers), _):
            compareObjects(oldMembers, newMembers, type: type, at: pointer, shapeOnly: shapeOnly)
        case let (.array(oldElements), .array(newElements), _):
            var itemType: TypeRef?
            if case .array(let element)? = type { itemType = element }
            compareArrays(oldElements, newElements, itemType: itemType, at: pointer, shapeOnly: shapeOnly)
        default:
            if !shapeOnly && !sameScalar(old, new) { report(.valueChanged, at: pointer, old: old, new: new) }
        }
    }

    private mutating func compareObjects(_ old: [JSONMember], _ new: [JSONMember], type: TypeRef?, at pointer: JSONPointer, shapeOnly: Bool) {
        var schema: Schema?
        var valueType: TypeRef?
        var isMap = false
        switch type {
        case .named(let name)?:
            if diff.contract?.undocumentedSchemas.contains(name) == false { schema = diff.contract?.schemas[name] }
        case .map(let element)?:
            valueType = element
            isMap = true
        default:
            break
        }
        let newValues = Self.firstValues(new)
        var seen: Set<String> = []
        for member in old where seen.insert(member.key).inserted {
            let child = pointer.appending(member.key)
            let property = schema?.property(named: member.key)
            guard let counterpart = newValues[member.key] else {
                guard !isIgnored(child) else { continue }
                let rule: DiffRule = switch (property?.isRequired, isMap) {
                case (true?, _): .requiredPropertyRemoved
                case (false?, _): .optionalPropertyRemoved
                case (nil, true): .valueChanged
                case (nil, false): .undocumentedPropertyRemoved
                }
                if !(shapeOnly && rule == .valueChanged) { report(rule, at: child, old: member.value, new: nil) }
                continue
            }
            compare(member.value, counterpart, type: property?.type ?? valueType, at: child, shapeOnly: shapeOnly)
        }
        var added: Set<String> = []
        for member in new where !seen.contains(member.key) && added.insert(member.key).inserted {
            let child = pointer.appending(member.key)
            guard !isIgnored(child), !(shapeOnly && isMap) else { continue }
            report(isMap ? .valueChanged : .propertyAdded, at: child, old: nil, new: member.value)
        }
    }

    private mutating func compareArrays(_ old: [JSONValue], _ new: [JSONValue], itemType: TypeRef?, at pointer: JSONPointer, shapeOnly: Bool) {
        for index in 0..<min(old.count, new.count) {
            compare(old[index], new[index], type: itemType, at: pointer.appending(index), shapeOnly: shapeOnly)
        }
        guard old.count != new.count else { return }
        if !shapeOnly { report(.arrayLengthChanged, at: pointer, old: "\(old.count) items", new: "\(new.count) items") }
        if let model = old.first, new.count > old.count {
            for index in old.count..<new.count {
                compare(model, new[index], type: itemType, at: pointer.appending(index), shapeOnly: true)
            }
        }
    }

    /// Strings equal, aligned identifiers (whole or inside the text), or both of one volatile shape unless
    /// ``RecordingDiff/Options/exact``: two datetimes; two ULIDs or UUIDs the alignment has not paired with others
    /// (a reference to the wrong object is still a change). Numbers by value; other scalars by equality.
    private func sameScalar(_ old: JSONValue, _ new: JSONValue) -> Bool {
        switch (old, new) {
        case let (.string(oldText), .string(newText)):
            if oldText == newText { return true }
            guard !diff.options.exact else { return false }
            if let shape = Self.volatileShape(oldText), Self.volatileShape(newText) == shape,
               shape == .datetime || !alignment.knows(oldText, newText) {
                return true
            }
            return alignment.aligns(oldText, newText) || alignment.alignsEmbedded(oldText, newText)
        case let (.number(oldNumber), .number(newNumber)):
            return oldNumber.literal == newNumber.literal || oldNumber.doubleValue == newNumber.doubleValue
        default:
            return old == new
        }
    }

    private func isIgnored(_ pointer: JSONPointer) -> Bool {
        diff.options.ignoredPointers.contains { $0.covers(pointer) }
    }

    private mutating func report(_ rule: DiffRule, at pointer: JSONPointer, old: JSONValue?, new: JSONValue?) {
        report(rule, at: pointer, old: abbreviate(old), new: abbreviate(new))
    }

    private mutating func report(_ rule: DiffRule, at pointer: JSONPointer, old: RecordedBody?, new: RecordedBody?) {
        report(rule, at: pointer, old: old.map(abbreviate) ?? "absent", new: new.map(abbreviate) ?? "absent")
    }

    private mutating func report(_ rule: DiffRule, at pointer: JSONPointer, old: String, new: String) {
        differences.append(Difference(rule: rule, part: .body, pointer: pointer, old: old, new: new))
    }

    private func abbreviate(_ value: JSONValue?) -> String {
        guard let value else { return "absent" }
        return ValueAbbreviation.abbreviate(JSONWriter(style: .compact).string(value), max: diff.options.maxValueCharacters)
    }

    private func abbreviate(_ body: RecordedBody) -> String {
        switch body {
        case .empty: return "empty"
        case .json(let value), .formattedJSON(let value, _): return abbreviate(value)
        case .text(let text): return ValueAbbreviation.abbreviate("text " + text, max: diff.options.maxValueCharacters)
        case .binary(let bytes): return "\(bytes.count) bytes"
        }
    }

    /// The first value of each key, as JSON Pointer resolution finds it.
    private static func firstValues(_ members: [JSONMember]) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for member in members where values[member.key] == nil { values[member.key] = member.value }
        return values
    }

    private static func kind(_ body: RecordedBody) -> String {
        switch body {
        case .empty: return "empty"
        case .json, .formattedJSON: return "json"
        case .text: return "text"
        case .binary: return "binary"
        }
    }

    /// The volatile type a string is shaped as, whatever the contract says: datetime, ULID or UUID; nil for others.
    static func volatileShape(_ text: String) -> TypeRef.Primitive? {
        [TypeRef.Primitive.datetime, .ulid, .uuid].first { Formats.matches(text, $0) }
    }

    /// The types whose values identify or timestamp, and so differ between any two recordings.
    static func isVolatile(_ primitive: TypeRef.Primitive) -> Bool {
        switch primitive {
        case .ulid, .locator, .uuid, .datetime: return true
        default: return false
        }
    }
}
