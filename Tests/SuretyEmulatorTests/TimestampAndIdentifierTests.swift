import SuretyEmulator
import SuretySchemas
import Testing

@Suite struct TimestampAndIdentifierTests {
    @Test("RFC 3339 round-trips, honours offsets and rejects impossible dates", arguments: [
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"), ("2024-08-21T02:00:00+02:00", "2024-08-21T00:00:00Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59Z"),
    ])
    func roundTrip(text: String, canonical: String) throws {
        #expect(try #require(Timestamp(rfc3339: text)).rfc3339() == canonical)
    }

    @Test("malformed datetimes are rejected", arguments: ["2023-02-29T00:00:00Z", "2024-08-21", "2024-08-21T00:00:00", "2024-13-01T00:00:00Z"])
    func rejected(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("moving an instant or the clock by an absurd number of seconds stops at the RFC 3339 range instead of trapping")
    func saturatingMoves() {
        let start = Timestamp(rfc3339: "2024-10-01T00:00:00Z")!
        #expect(start.adding(seconds: .max) == .latest)
        #expect(start.adding(seconds: .min) == .earliest)
        #expect(start.adding(seconds: 500_000_000_000) == .latest)
        #expect(Timestamp.latest.rfc3339(fractional: true) == "9999-12-31T23:59:59.999999Z")
        #expect(Timestamp.earliest.rfc3339() == "0000-01-01T00:00:00Z")
        #expect(start.adding(seconds: -86_400).rfc3339() == "2024-09-30T00:00:00Z")
        var manual = EmulatorClock.manual(start)
        manual.advance(bySeconds: .max)
        #expect(manual.now() == .latest)
        var system = EmulatorClock.system
        system.advance(bySeconds: .max)
        #expect((0..<60_000_000).contains(system.now().microseconds - Timestamp.latest.microseconds), "it runs on from the end")
        system.advance(bySeconds: .min)
        #expect((0..<60_000_000).contains(system.now().microseconds - Timestamp.earliest.microseconds))
    }

    @Test("microseconds are written for system timestamps")
    func fractional() {
        #expect(Timestamp(microseconds: 1_724_200_000_195_973).rfc3339(fractional: true) == "2024-08-21T00:26:40.195973Z")
    }

    @Test("ULIDs are valid, strictly increasing under a stopped clock, and the same for the same seed")
    func ulids() {
        var first = ULIDGenerator(seed: 9)
        var second = ULIDGenerator(seed: 9)
        let time = Timestamp(rfc3339: "2024-10-01T00:00:00Z")!
        let made = (0..<100).map { _ in first.next(at: time) }
        #expect(made == (0..<100).map { _ in second.next(at: time) })
        #expect(made == made.sorted())
        #expect(Set(made).count == 100)
        #expect(made.allSatisfy { Formats.matches($0, .ulid) })
        #expect(made[0].hasPrefix("01J92P0V00"))
    }
}
