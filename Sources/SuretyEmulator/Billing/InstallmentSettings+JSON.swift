import Foundation
import SuretyJSON
import SuretySchemas

extension InstallmentSettings {
    /// One member of a settings object that could not be read: its key, what was expected and what was found.
    public struct Problem: Sendable, Hashable {
        /// The member's key; empty for a problem of the whole object.
        public var key: String
        /// What was expected.
        public var expected: String
        /// What was found.
        public var actual: String
    }

    /// These settings with the members of an `InstallmentPreferences` (or fixture plan) object laid over them, and
    /// every member that could not be read. `installmentPlanName` is the caller's (it picks the base). An empty
    /// `installmentWeights` keeps the base's weights: the member is required in `InstallmentPreferences`, so an
    /// empty list is how a request says nothing about weights [I].
    public func overlaid(with json: JSONValue) -> (settings: InstallmentSettings, problems: [Problem]) {
        var result = self
        var problems: [Problem] = []
        func text(_ key: String) -> String? {
            guard let value = json[key], value != .null else { return nil }
            guard let string = value.stringValue else {
                problems.append(Problem(key: key, expected: "a string", actual: value.typeName))
                return nil
            }
            return string
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type) -> Value? where Value.RawValue == String {
            guard let string = text(key) else { return nil }
            guard let value = Value(rawValue: string) else {
                problems.append(Problem(key: key, expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: " | "),
                                        actual: "\"\(string.prefix(40))\""))
                return nil
            }
            return value
        }
        func decimal(_ key: String, _ value: JSONValue) -> Decimal? {
            guard let number = value.numberValue, let parsed = Decimal(string: number.literal, locale: Locale(identifier: "en_US_POSIX")) else {
                problems.append(Problem(key: key, expected: "a number", actual: value.typeName))
                return nil
            }
            return parsed
        }
        func integer(_ key: String) -> Int? {
            guard let value = json[key], value != .null else { return nil }
            guard let number = value.numberValue?.intValue else {
                problems.append(Problem(key: key, expected: "an integer", actual: value.numberValue?.literal ?? value.typeName))
                return nil
            }
            return number
        }
        if let value = choice("cadence", Cadence.self) { result.cadence = value }
        if let value = choice("anchorMode", AnchorMode.self) { result.anchorMode = value }
        if let value = choice("anchorType", AnchorType.self) { result.anchorType = value }
        if let value = choice("dayOfWeek", Weekday.self) { result.dayOfWeek = value }
        if let value = choice("weekOfMonth", WeekOfMonth.self) { result.weekOfMonth = value }
        if let string = text("anchorTime") {
            if let time = Timestamp(rfc3339: string) { result.anchorTime = time } else {
                problems.append(Problem(key: "anchorTime", expected: "an RFC 3339 datetime", actual: "\"\(string.prefix(40))\""))
            }
        }
        if let value = integer("dayOfMonth") { result.dayOfMonth = value }
        if let value = integer("generateLeadDays") { result.generateLeadDays = value }
        if let value = integer("dueLeadDays") { result.dueLeadDays = value }
        if let value = integer("maxInstallmentsPerTerm") { result.maxInstallmentsPerTerm = value }
        if let value = integer("intervalDays") { result.intervalDays = value }
        if let value = json["autopayLeadDays"], value != .null, let parsed = decimal("autopayLeadDays", value) { result.autopayLeadDays = parsed }
        if let value = json["installmentWeights"], value != .null {
            if let items = value.arrayValue {
                let parsed = items.compactMap { decimal("installmentWeights", $0) }
                if parsed.count == items.count, !parsed.isEmpty { result.installmentWeights = parsed }
            } else {
                problems.append(Problem(key: "installmentWeights", expected: "an array of numbers", actual: value.typeName))
            }
        }
        if problems.isEmpty {
            problems += result.problems.map { Problem(key: "", expected: "consistent settings", actual: $0) }
        }
        return (result, problems)
    }

    /// The settings as an `InstallmentSettings` object.
    public var jsonValue: JSONValue {
        var members = [JSONMember(key: "anchorMode", value: .string(anchorMode.rawValue)),
                       JSONMember(key: "cadence", value: .string(cadence.rawValue)),
                       JSONMember(key: "dueLeadDays", value: .integer(dueLeadDays)),
                       JSONMember(key: "generateLeadDays", value: .integer(generateLeadDays)),
                       JSONMember(key: "installmentWeights", value: .array(installmentWeights.map { TenantStore.number($0) })),
                       JSONMember(key: "anchorType", value: .string(anchorType.rawValue)),
                       JSONMember(key: "autopayLeadDays", value: TenantStore.number(autopayLeadDays))]
        if let anchorTime { members.append(JSONMember(key: "anchorTime", value: .string(anchorTime.rfc3339(fractional: true)))) }
        if let dayOfMonth { members.append(JSONMember(key: "dayOfMonth", value: .integer(dayOfMonth))) }
        if let dayOfWeek { members.append(JSONMember(key: "dayOfWeek", value: .string(dayOfWeek.rawValue))) }
        if let weekOfMonth { members.append(JSONMember(key: "weekOfMonth", value: .string(weekOfMonth.rawValue))) }
        if let maxInstallmentsPerTerm { members.append(JSONMember(key: "maxInstallmentsPerTerm", value: .integer(maxInstallmentsPerTerm))) }
        return .object(members)
    }
}
