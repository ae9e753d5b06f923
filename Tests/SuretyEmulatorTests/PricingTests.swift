import Foundation
@testable import SuretyEmulator
import SuretySchemas
import Testing

@Suite struct PricingTests {
    let utcStart = Timestamp(rfc3339: "2024-08-21T00:00:00Z")!

    @Test("months follow the platform's formula: 2024-09-24 to 2025-09-03 is 11.3 months, a 2024-08-21 year is 12")
    func publishedDurationSamples() {
        let sample = DurationCalculator(basis: .months, timeZoneIdentifier: "UTC", termStart: Timestamp(rfc3339: "2024-09-24T05:00:00Z")!)
        #expect(sample.duration(from: sample.termStart, to: Timestamp(rfc3339: "2025-09-03T05:00:00Z")!) == Decimal(string: "11.3"))
        let year = DurationCalculator(basis: .months, timeZoneIdentifier: "UTC", termStart: utcStart)
        #expect(year.duration(from: utcStart, to: Timestamp(rfc3339: "2025-08-21T00:00:00Z")!) == 12)
        #expect(DurationCalculator(basis: .years, timeZoneIdentifier: "UTC", termStart: utcStart)
            .duration(from: utcStart, to: Timestamp(rfc3339: "2025-02-21T00:00:00Z")!) == Decimal(string: "0.5"))
    }

    @Test("a memoized duration is the calculator's, for every value it depends on: basis, zone, term start and period")
    func memoizedDurations() {
        let instants = ["2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-10T05:00:00Z", "2024-03-31T00:00:00Z"].map { Timestamp(rfc3339: $0)! }
        var seen = Set<Decimal>()
        for basis in DurationBasis.allCases {
            for zone in ["UTC", "America/New_York"] {
                for termStart in instants.prefix(2) {
                    for (start, end) in [(instants[1], instants[3]), (instants[2], instants[3])] {
                        let direct = DurationCalculator(basis: basis, timeZoneIdentifier: zone, termStart: termStart).duration(from: start, to: end)
                        let memoized = DurationCalculator.memoizedDuration(basis: basis, timeZoneIdentifier: zone, termStart: termStart, from: start, to: end)
                        #expect(memoized == direct, "\(basis) \(zone) \(termStart) \(start)–\(end)")
                        seen.insert(direct)
                    }
                }
            }
        }
        #expect(seen.count > 10)  // the table's values differ, so a key that left one out would be caught
    }

    @Test("a memoized prorated amount is the rater's, for every value it depends on: amount, basis, zone, term start and period")
    func memoizedAmounts() throws {
        let product = try #require(EmulatorFixtures.builtIn.tenants.first?.products.first)
        let instants = ["2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-10T05:00:00Z", "2024-03-31T00:00:00Z"].map { Timestamp(rfc3339: $0)! }
        var seen = Set<Int>()
        for basis in DurationBasis.allCases {
            for zone in ["UTC", "America/New_York"] {
                for termStart in instants.prefix(2) {
                    let rater = Rater(product: product, calculator: DurationCalculator(basis: basis, timeZoneIdentifier: zone, termStart: termStart))
                    for annual in [60_000, 2_500] {
                        for (start, end) in [(instants[1], instants[3]), (instants[2], instants[3])] {
                            let direct = rater.amount(annual, from: start, to: end)
                            #expect(rater.memoizedAmount(annual, from: start, to: end) == direct, "\(basis) \(zone) \(termStart) \(annual)")
                            seen.insert(direct)
                        }
                    }
                }
            }
        }
        #expect(seen.count > 10)  // the table's values differ, so a key that left one out would be caught
    }

    @Test("a period not starting at the term start is m(termStart, end) − m(termStart, start)")
    func offsetPeriod() {
        let calculator = DurationCalculator(basis: .months, timeZoneIdentifier: "UTC", termStart: utcStart)
        let start = Timestamp(rfc3339: "2024-11-21T00:00:00Z")!
        #expect(calculator.duration(from: start, to: Timestamp(rfc3339: "2025-08-21T00:00:00Z")!) == 9)
        let days = DurationCalculator(basis: .days, timeZoneIdentifier: "UTC", termStart: utcStart)
        #expect(days.duration(from: start, to: Timestamp(rfc3339: "2024-11-22T12:00:00Z")!) == Decimal(string: "1.5"))
    }

    @Test("local days across a daylight-saving change count the wall clock: New York 2024-03-09 to 03-11 is 2 days")
    func daylightSaving() {
        let calculator = DurationCalculator(basis: .days, timeZoneIdentifier: "America/New_York", termStart: utcStart)
        #expect(calculator.duration(from: Timestamp(rfc3339: "2024-03-09T05:00:00Z")!, to: Timestamp(rfc3339: "2024-03-11T04:00:00Z")!) == 2)
    }

    @Test("prorating rounds half-even to the minor unit", arguments: [
        (60_000, "0.25", 15_000), (1, "0.5", 0), (3, "0.5", 2), (-3, "0.5", -2), (100, "0.333333", 33),
    ])
    func prorate(annual: Int, fraction: String, expected: Int) {
        #expect(Rater.prorate(annual, fraction: Decimal(string: fraction)!) == expected)
    }

    @Test("a whole term charges the annual rates: 600.00 per vehicle, 120.00 more with deductible 250, 25.00 fee")
    func issuanceCharges() throws {
        let state = try EmulatorState(fixtures: .builtIn, clock: .manual(EmulatorTestSupport.start), seed: 1, options: EmulatorOptions())
        let store = try #require(state.tenants[BuiltInFixtures.tenantA])
        let totals = [BuiltInFixtures.policyA1, BuiltInFixtures.policyA2].map { locator in
            store.transactions.values.filter { $0.policyLocator == locator }.flatMap(\.charges).map(\.amountMinorUnits).sorted()
        }
        #expect(totals == [[2_500, 60_000], [2_500, 72_000]])
    }

    @Test("a change is charged the difference over the rest of the term; removing returns premium")
    func changeCharges() throws {
        var runner = try LifecycleFixture.runner()
        let locator = try LifecycleFixture.change(in: &runner, forcedInto: .draft)
        #expect(try runner.perform(.price, on: locator).charges.map(\.amountMinorUnits) == [45_000])

        let vehicle = try #require(runner.store.segments.values.first { $0.transactionLocator != locator && $0.element.children.first?.type == "Vehicle" && runner.store.transactions[$0.transactionLocator]?.policyLocator == BuiltInFixtures.policyA1 })
        let removal = ChangeInstruction(locator: "01J6A000000000000000000D01", action: .delete([vehicle.element.children[0].staticLocator]))
        let params = ChangeInstruction(locator: "01J6A000000000000000000P02", action: .params(.init(effectiveTime: Timestamp(rfc3339: "2025-02-21T00:00:00Z")!)))
        let second = try runner.create(.change(transactionType: "change", instructions: [params, removal]), on: BuiltInFixtures.policyA1)
        #expect(try runner.perform(.price, on: second.locator).charges.map(\.amountMinorUnits) == [-30_000])
    }

    @Test("minor units are written with the currency's decimals")
    func amountLiterals() {
        #expect(TenantStore.amountLiteral(12_345, scale: 2) == "123.45")
        #expect(TenantStore.amountLiteral(-5, scale: 2) == "-0.05")
        #expect(TenantStore.amountLiteral(7, scale: 0) == "7")
    }
}
