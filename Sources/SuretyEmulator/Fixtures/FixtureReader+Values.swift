import SuretyJSON
import SuretySchemas

extension FixtureReader {
    /// Records an issue at a pointer, with the line and column the pointer resolves to.
    mutating func report(_ pointer: JSONPointer, _ reason: FixtureProblem) {
        var position: TextPosition?
        if let document {
            let index = document.index(of: pointer) ?? document.index(of: pointer.parent)
            position = index.map { document.position(of: $0) }
        }
        issues.append(FixtureIssue(file: file, position: position, pointer: pointer, reason: reason))
    }

    /// A member that must (or may) be a string, optionally of a format.
    mutating func string(_ value: JSONValue, _ key: String, _ at: JSONPointer, required: Bool = true,
                         format: TypeRef.Primitive? = nil) -> String? {
        guard let found = value[key], found != .null else {
            if required { report(at.appending(key), .missing(key)) }
            return nil
        }
        guard let text = stringValue(found, at.appending(key)) else { return nil }
        if let format, !Formats.matches(text, format) {
            report(at.appending(key), .invalid(expected: "a \(format)", actual: "\"\(text.prefix(60))\""))
            return nil
        }
        return text
    }

    /// A value that must be a string.
    mutating func stringValue(_ value: JSONValue, _ at: JSONPointer) -> String? {
        guard let text = value.stringValue else {
            report(at, .wrongType(expected: "a string", actual: value.typeName))
            return nil
        }
        return text
    }

    /// An optional integer member.
    mutating func integer(_ value: JSONValue, _ key: String, _ at: JSONPointer) -> Int? {
        guard let found = value[key] else { return nil }
        guard let number = found.numberValue?.intValue else {
            report(at.appending(key), .wrongType(expected: "an integer", actual: found.typeName))
            return nil
        }
        return number
    }

    /// A required amount in major units, converted to minor units of `scale` decimals (0 through
    /// ``Product/maxCurrencyScale``) without rounding; at most ``Charge/maxAmountMinorUnits`` in magnitude.
    mutating func minorUnits(_ value: JSONValue, _ key: String, _ at: JSONPointer, scale: Int) -> Int? {
        guard let found = value[key] else {
            report(at.appending(key), .missing(key))
            return nil
        }
        let literal = found.numberValue?.literal ?? found.stringValue ?? ""
        let parts = literal.split(separator: ".", omittingEmptySubsequences: false)
        let digits = parts.count == 2 ? parts[1] : ""
        let magnitude = parts.first.map { $0.hasPrefix("-") ? $0.dropFirst() : $0 } ?? ""
        let isDecimal = { (text: Substring) in text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        let bound = Charge.maxAmountMinorUnits
        guard (0...Product.maxCurrencyScale).contains(scale), parts.count <= 2, !magnitude.isEmpty, isDecimal(magnitude),
              digits.count <= scale, isDecimal(digits) else {
            report(at.appending(key), .invalid(expected: "an amount with at most \(scale) decimals", actual: literal.isEmpty ? found.typeName : String(literal.prefix(40))))
            return nil
        }
        var multiplier = 1
        for _ in 0..<scale { multiplier *= 10 }
        let fraction = Int(digits + String(repeating: "0", count: scale - digits.count)) ?? 0
        let (scaled, overflow) = (Int(magnitude) ?? Int.max).multipliedReportingOverflow(by: multiplier)
        guard !overflow, scaled <= bound - fraction else {
            report(at.appending(key), .invalid(expected: "an amount of at most \(bound) minor units", actual: String(literal.prefix(40))))
            return nil
        }
        return literal.hasPrefix("-") ? -(scaled + fraction) : scaled + fraction
    }

    /// A required RFC 3339 member.
    mutating func time(_ value: JSONValue, _ key: String, _ at: JSONPointer) -> Timestamp? {
        guard let text = string(value, key, at) else { return nil }
        guard let time = Timestamp(rfc3339: text) else {
            report(at.appending(key), .invalid(expected: "an RFC 3339 datetime", actual: "\"\(text.prefix(60))\""))
            return nil
        }
        return time
    }

    /// An object member.
    mutating func object(_ value: JSONValue, _ key: String, _ at: JSONPointer, required: Bool = true) -> JSONValue? {
        guard let found = value[key] else {
            if required { report(at.appending(key), .missing(key)) }
            return nil
        }
        guard case .object = found else {
            report(at.appending(key), .wrongType(expected: "an object", actual: found.typeName))
            return nil
        }
        return found
    }

    /// The elements of an array member with their pointers.
    mutating func array(_ value: JSONValue, _ key: String, _ at: JSONPointer, required: Bool) -> [(JSONValue, JSONPointer)] {
        guard let found = value[key] else {
            if required { report(at.appending(key), .missing(key)) }
            return []
        }
        guard let elements = found.arrayValue else {
            report(at.appending(key), .wrongType(expected: "an array", actual: found.typeName))
            return []
        }
        return elements.enumerated().map { ($0.element, at.appending(key).appending($0.offset)) }
    }

    /// A member whose string value must be one of an enum's raw values.
    mutating func enumerated<Value: RawRepresentable & CaseIterable>(_ value: JSONValue, _ key: String, _ at: JSONPointer, _ type: Value.Type,
                                                                     required: Bool = false) -> Value? where Value.RawValue == String {
        guard let text = string(value, key, at, required: required) else { return nil }
        guard let parsed = Value(rawValue: text) else {
            let choices = Value.allCases.map(\.rawValue).joined(separator: " | ")
            report(at.appending(key), .invalid(expected: "one of \(choices)", actual: "\"\(text.prefix(60))\""))
            return nil
        }
        return parsed
    }

    /// Reports every value seen twice.
    mutating func checkDuplicates(_ values: [String], kind: String, at: JSONPointer, key: String?) {
        var seen: Set<String> = []
        for value in values where !value.isEmpty {
            if !seen.insert(value.lowercased()).inserted { report(at, .duplicate(kind: kind, value: value)) }
        }
    }
}
