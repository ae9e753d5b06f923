import Foundation
import SuretyJSON
import SuretySchemas

/// Splits a command's arguments into options (`--name value`, `--name=value`), flags (`--name`) and positionals.
public struct ArgumentScanner: Sendable {
    /// Options that take a value, by name (without dashes), with their values in order.
    public private(set) var values: [String: [String]] = [:]
    /// Flags that were given.
    public private(set) var flags: Set<String> = []
    /// Arguments that are not options, in order.
    public private(set) var positionals: [String] = []

    /// Scans `arguments` given the names of the options that take values and the flags; anything else is a usage error.
    public init(_ arguments: [String], options: Set<String>, flags allowedFlags: Set<String>, shortAliases: [String: String] = [:]) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else if let long = shortAliases[String(argument.dropFirst())] {
                name = long
            } else {
                throw UsageError("unknown option \(argument)")
            }
            if options.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.count else { throw UsageError("option --\(name) needs a value") }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else if allowedFlags.contains(name) {
                guard inlineValue == nil else { throw UsageError("flag --\(name) takes no value") }
                flags.insert(name)
            } else {
                let nearest = EditDistance.nearest(to: name, among: options.union(allowedFlags), maxDistance: 2)
                let hint = EditDistance.didYouMean(nearest.map { ["--\($0)"] } ?? [])
                throw UsageError("unknown option --\(name)\(hint)")
            }
        }
    }

    /// The last value of an option.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of an option parsed as an integer in a range, or a usage error.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("--\(name) needs a whole number from \(range.lowerBound) to \(range.upperBound), got \(text)")
        }
        return number
    }

    /// The value of an option whose words are an enum's raw values, or nil when the option is absent.
    public func choice<Choice: CaseIterable & RawRepresentable>(_ name: String, as _: Choice.Type = Choice.self) throws(UsageError) -> Choice?
    where Choice.RawValue == String {
        guard let text = value(name) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw UsageError("--\(name) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), got \(text)")
        }
        return choice
    }

    /// The value of an option whose words are an enum's raw values, or `defaultChoice` when the option is absent.
    public func choice<Choice: CaseIterable & RawRepresentable>(_ name: String, default defaultChoice: Choice) throws(UsageError) -> Choice
    where Choice.RawValue == String {
        try choice(name, as: Choice.self) ?? defaultChoice
    }

    /// The value of an option that must be an absolute http or https URL with a host.
    public func httpURL(_ name: String) throws(UsageError) -> URL? {
        guard let text = value(name) else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw UsageError("--\(name) needs an http or https URL, got \(text)")
        }
        return url
    }
}
