/// The string formats of the notation, checked on bytes.
public enum Formats {
    /// `8-4-4-4-12` hexadecimal digits, either case.
    public static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"), bytes[18] == UInt8(ascii: "-"),
              bytes[23] == UInt8(ascii: "-") else { return false }
        // Every byte but the four dashes already checked must be a hex digit; tested without branches, since digits and
        // letters come in random order.
        return hexDigitTable.withUnsafeBufferPointer { table in
            var all: UInt8 = 1
            for index in 0..<36 { all &= table[Int(bytes[index])] | UInt8(truncatingIfNeeded: uuidDashes >> UInt64(index)) & 1 }
            return all == 1
        }
    }

    /// 1 for the bytes of hexadecimal digits (either case), 0 for every other byte.
    static let hexDigitTable: [UInt8] = (0..<256).map { isHexDigit(UInt8($0)) ? 1 : 0 }

    /// The positions of the dashes in a UUID's text, one bit each.
    static let uuidDashes: UInt64 = 1 << 8 | 1 << 13 | 1 << 18 | 1 << 23

    /// 26 Crockford base-32 characters (no I, L, O, U; either case), the first `0`–`7` so the value fits 128 bits.
    public static func isULID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 26, bytes[0] >= UInt8(ascii: "0"), bytes[0] <= UInt8(ascii: "7") else { return false }
        return crockfordTable.withUnsafeBufferPointer { table in
            var index = 1
            while index < 26 {
                if !table[Int(bytes[index])] { return false }
                index += 1
            }
            return true
        }
    }

    /// RFC 3339 §5.6 `date-time`: a real calendar date, hours 00–23, minutes and seconds 00–59, any fraction, and an
    /// offset `Z` or `±hh:mm`; `T` and `Z` in either case. Leap seconds (`:60`) and year 0000 are rejected.
    public static func isDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 20 else { return false }
        func digits(_ start: Int, _ count: Int) -> Int? { decimal(bytes, start, count) }
        guard let year = digits(0, 4), bytes[4] == UInt8(ascii: "-"), let month = digits(5, 2), bytes[7] == UInt8(ascii: "-"),
              let day = digits(8, 2), bytes[10] | 0x20 == UInt8(ascii: "t"),
              let hour = digits(11, 2), bytes[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              bytes[16] == UInt8(ascii: ":"), let second = digits(17, 2)
        else { return false }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59
        else { return false }
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isASCIIDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.count else { return false }
        if bytes[index] | 0x20 == UInt8(ascii: "z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
              let offsetHour = digits(index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"), let offsetMinute = digits(index + 4, 2)
        else { return false }
        return offsetHour <= 23 && offsetMinute <= 59
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Checks a Swift string against a format primitive; true for non-format primitives.
    public static func matches(_ text: String, _ primitive: TypeRef.Primitive) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in
            switch primitive {
            case .uuid: return isUUID(buffer)
            case .ulid, .locator: return isULID(buffer)
            case .datetime: return isDateTime(buffer)
            default: return true
            }
        }
    }

    /// The value of `count` decimal digits at `start`; nil when one is missing or not a digit.
    @inline(__always) static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    @inline(__always) static func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
        isASCIIDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// Crockford base-32 membership for every byte value.
    static let crockfordTable: [Bool] = (0..<256).map { isCrockford(UInt8($0)) }

    @inline(__always) static func isCrockford(_ byte: UInt8) -> Bool {
        if isASCIIDigit(byte) { return true }
        let upper = byte & ~0x20
        guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return false }
        return upper != UInt8(ascii: "I") && upper != UInt8(ascii: "L") && upper != UInt8(ascii: "O") && upper != UInt8(ascii: "U")
    }
}
