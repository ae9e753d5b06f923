import Foundation
import SuretyEmulator
import SuretySchemas
import Testing

/// Seeded random properties: whatever the charge, weights, cadence and effective time, a charge's installment items
/// sum exactly to it.
///
/// The loops are CPU-bound, so they run on a thread of their own and report their failures back: the cooperative
/// pool stays free for the suite's socket tests.
@Suite struct InstallmentSumPropertyTests {
    static func offPool(_ work: @escaping @Sendable () -> [String]) async -> [String] {
        await withCheckedContinuation { continuation in Thread { continuation.resume(returning: work()) }.start() }
    }

    @Test("split: parts sum to the amount, share its sign, and only the remainder's holder strays past one minor unit",
          arguments: [ProductBilling.Remainder.lastItem, .firstItem])
    func split(_ remainder: ProductBilling.Remainder) async {
        let failures = await Self.offPool { Self.splitFailures(remainder) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    static func splitFailures(_ remainder: ProductBilling.Remainder) -> [String] {
        var failures: [String] = []
        var random = SeededRandom(seed: 0xB111)
        for _ in 0..<500 {
            let amount = random.below(20_000_001) - 10_000_000
            let shares = (0..<(1 + random.below(30))).map { _ in Decimal(1 + random.below(1_000)) / Decimal(1 + random.below(97)) }
            let parts = ChargeSpreader.split(amount, by: shares, remainder: remainder)
            if parts.reduce(0, +) != amount { failures.append("\(parts) do not sum to \(amount)") }
            if !parts.allSatisfy({ amount >= 0 ? $0 >= 0 : $0 <= 0 }) { failures.append("\(parts) do not all have the sign of \(amount)") }
            let total = shares.reduce(0, +)
            let holder = remainder == .lastItem ? parts.count - 1 : 0
            for (index, part) in parts.enumerated() where index != holder {
                let exact = NSDecimalNumber(decimal: Decimal(amount) * shares[index] / total).doubleValue
                if abs(Double(part) - exact) >= 1 { failures.append("part \(index) of \(amount): \(part), exactly \(exact)") }
            }
        }
        return failures
    }

    @Test("installments from random settings and effective times: every charge's items sum exactly to it")
    func installments() async {
        let failures = await Self.offPool { Self.installmentFailures() }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    static func installmentFailures() -> [String] {
        var failures: [String] = []
        var random = SeededRandom(seed: 0x5EED)
        let zones = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"]
        let cadences = InstallmentSettings.Cadence.allCases.filter { $0 != .none }
        let anchors = InstallmentSettings.AnchorType.allCases
        for round in 0..<150 {
            let start = Timestamp(seconds: 1_704_067_200 + Int64(random.below(730)) * 86_400 + Int64(random.below(86_400)))
            let end = start.adding(seconds: Int64(30 + random.below(800)) * 86_400)
            let settings = InstallmentSettings(
                cadence: cadences[random.below(cadences.count)], anchorMode: InstallmentSettings.AnchorMode.allCases[random.below(3)],
                anchorType: anchors[random.below(anchors.count)], anchorTime: start.adding(seconds: Int64(random.below(400) - 200) * 86_400),
                dayOfMonth: 1 + random.below(31), dayOfWeek: InstallmentSettings.Weekday.allCases[random.below(7)],
                weekOfMonth: InstallmentSettings.WeekOfMonth.allCases[1 + random.below(5)], generateLeadDays: random.below(20),
                dueLeadDays: random.below(10), installmentWeights: (0..<random.below(6)).map { _ in Decimal(1 + random.below(5)) },
                maxInstallmentsPerTerm: random.below(3) == 0 ? 1 + random.below(12) : nil, intervalDays: 1 + random.below(40))
            let zone = zones[random.below(zones.count)]
            let frames = LatticeBuilder(settings: settings, timeZoneIdentifier: zone).frames(termStart: start, termEnd: end)
            if frames.isEmpty || frames.first?.installmentStart != start || frames.last?.installmentEnd != end {
                failures.append("round \(round): the frames do not span the term")
            }
            if !zip(frames, frames.dropFirst()).allSatisfy({ $0.installmentEnd == $1.installmentStart && $0.coverageEnd == $1.coverageStart }) {
                failures.append("round \(round): the frames do not tile the term")
            }
            let lattice = InstallmentLattice(
                locator: "L", accountLocator: "A", policyLocator: nil, termLocator: nil, quoteLocator: nil, basedOnLocator: nil, settingsLocator: "S",
                settings: settings, originTransactionLocator: nil, effectiveTime: start, currency: "USD", timeZone: zone, durationBasis: .months,
                isReversal: false, termStart: start, termEnd: end, createdAt: start, createdBy: "U", frames: frames)
            let charges = (0..<(1 + random.below(4))).map { index in
                Charge(locator: "C\(index)", elementLocator: "E", elementStaticLocator: "E", chargeType: "premium",
                       amountMinorUnits: random.below(2_000_001) - 1_000_000, currency: "USD")
            }
            let effective = start.adding(seconds: Int64(random.below(Int(end.seconds - start.seconds))))
            var counter = 0
            let factory = InstallmentFactory(lattice: lattice, currencyScale: 2, remainder: random.below(2) == 0 ? .lastItem : .firstItem)
            let made = factory.installments(of: charges, from: effective, to: end, owner: .init(accountLocator: "A"), now: start, user: "U") {
                counter += 1
                return ULID(upper: 0, lower: UInt64(counter))
            }
            for charge in charges {
                let sum = made.flatMap(\.items).filter { $0.chargeLocator == charge.locator }.reduce(0) { $0 + $1.amountMinorUnits }
                if sum != charge.amountMinorUnits {
                    failures.append("round \(round): \(settings.cadence) \(settings.anchorType) in \(zone): \(sum) ≠ \(charge.amountMinorUnits)")
                }
            }
            if !made.allSatisfy({ $0.coverageEnd > effective }) { failures.append("round \(round): a frame before the effective time is billed") }
        }
        return failures
    }
}
