import Testing
import SuretySchemas

/// How a ``Timestamp`` is written (`rfc3339(fractionDigits:)`): every answer's times go through it.
@Suite struct TimestampFormatTests {
    @Test("known instants: the epoch, a date with its fraction cut (never rounded) to 0 to 6 digits, before 1970, after 9999", arguments: [
        (Int64(0), 0, "1970-01-01T00:00:00Z"),
        (1_724_198_400_123_456, 6, "2024-08-21T00:00:00.123456Z"),
        (1_724_198_400_123_456, 3, "2024-08-21T00:00:00.123Z"),
        (1_724_198_400_999_999, 1, "2024-08-21T00:00:00.9Z"),
        (1_724_198_400_123_456, 0, "2024-08-21T00:00:00Z"),
        (1_724_198_400_000_007, 9, "2024-08-21T00:00:00.000007Z"),
        (1_724_198_400_123_456, -2, "2024-08-21T00:00:00Z"),
        (-1, 6, "1969-12-31T23:59:59.999999Z"),
        (951_825_599_000_000, 0, "2000-02-29T11:59:59Z"),
        (-62_135_596_800_000_000, 0, "0001-01-01T00:00:00Z"),
        (253_402_300_799_000_000, 2, "9999-12-31T23:59:59.00Z"),
        (253_402_300_800_000_000, 0, "10000-01-01T00:00:00Z"),
    ])
    func known(microseconds: Int64, digits: Int, expected: String) {
        #expect(Timestamp(microseconds: microseconds).rfc3339(fractionDigits: digits) == expected)
    }

    @Test("any instant of years 0 to 9999 reads back as itself cut to the digits written, in a string of the exact length")
    func roundTrip() throws {
        var seed: UInt64 = 2_024
        let low: Int64 = -62_167_219_200_000_000, span: UInt64 = 315_537_897_600_000_000  // 0000-01-01 to 10000-01-01
        for _ in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let instant = Timestamp(microseconds: low + Int64(seed % span))
            for digits in 0...6 {
                let text = instant.rfc3339(fractionDigits: digits)
                #expect(text.utf8.count == 20 + (digits > 0 ? digits + 1 : 0), "\(text)")
                var unit: Int64 = 1
                for _ in digits..<6 { unit *= 10 }
                let cut = instant.microseconds - ((instant.microseconds % unit) + unit) % unit
                #expect(Timestamp(rfc3339: text)?.microseconds == cut, "\(text)")
            }
        }
    }
}
