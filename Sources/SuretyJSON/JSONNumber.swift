/// A JSON number kept as its literal text, so that amounts lose no precision and documents round-trip.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written, e.g. `"12.50"` or `"3e0"`.
    public let literal: String

    /// Wraps a literal the parser has already checked against RFC 8259 §6.
    public init(literal: String) {
        self.literal = literal
    }

    /// Creates a number from an integer.
    public init(_ value: Int) {
        self.literal = String(value)
    }

    /// Creates a number from a double, written in the shortest form that reads back as the same double.
    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            self.literal = String(Int(value))
        } else {
            self.literal = "\(value)"
        }
    }

    /// The value as a double (may round).
    public var doubleValue: Double { Double(literal) ?? .nan }

    /// The value as an integer, when it is integral and fits.
    public var intValue: Int? {
        if let exact = Int(literal) { return exact }
        guard isIntegral, let double = Double(literal), abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    /// Whether the number has no fractional part: `3`, `3.0`, `3e0` and `30e-1` are integral; `3.5` is not.
    public var isIntegral: Bool { Array(literal.utf8).withUnsafeBufferPointer { JSONNumber.isIntegral($0) } }

    /// Decides integrality from a literal's bytes exactly, without converting to floating point.
    public static func isIntegral(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if index < literal.count, literal[index] == UInt8(ascii: "-") { index += 1 }
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        while index < literal.count {
            let byte = literal[index]
            if isDigit(byte) {
                digits.append(byte)
            } else if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if byte | 0x20 == UInt8(ascii: "e") {
                var sign = 1
                index += 1
                if index < literal.count, literal[index] == UInt8(ascii: "-") { sign = -1; index += 1 }
                else if index < literal.count, literal[index] == UInt8(ascii: "+") { index += 1 }
                var value = 0
                while index < literal.count, isDigit(literal[index]) {
                    value = min(value * 10 + Int(literal[index] - UInt8(ascii: "0")), 1_000_000)
                    index += 1
                }
                exponent = sign * value
                break
            }
            index += 1
        }
        // The value is digits × 10^(exponent − fractionDigits); it is integral when every digit past the point is zero.
        let integerDigits = (pointPosition ?? digits.count) + exponent
        if integerDigits >= digits.count { return true }
        let firstFractional = max(integerDigits, 0)
        return digits[firstFractional...].allSatisfy { $0 == UInt8(ascii: "0") }
    }

    /// The literal text.
    public var description: String { literal }
}
