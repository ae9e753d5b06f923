import Foundation
import SuretySchemas

/// The emulator's deterministic rating rule [I]: each rate is an annual amount per element, prorated by duration.
///
/// For a period `[start, end)` of a term the prorated amount is `annual × fraction`, where the fraction is the
/// period's months ÷ 12 for policies whose duration basis is months or years (so a whole 12-month term charges
/// exactly the annual amount, leap year or not) and local days ÷ 365 otherwise; it is rounded half-even to the
/// currency's minor unit. A transaction is charged the difference between the tree it puts in force and the tree
/// it replaces over `[effectiveTime, termEnd)`, per element and charge type; a gap charges nothing, so a
/// cancellation returns premium; a reversal is charged the negation of what it undoes.
///
/// A period `[start, end)` of the term costs what `[termStart, end)` costs minus what `[termStart, start)` costs, each
/// rounded: so adjacent periods add up exactly to their union, a term summary's pieces add up exactly to what the
/// issued transactions charged, and moving the term's end is priced as exactly the months added or cut off.
public struct Rater: Sendable {
    /// The product rated.
    public var product: Product
    /// The duration calculator of the policy and term; its term start anchors every amount.
    public var calculator: DurationCalculator

    /// Creates a rater.
    public init(product: Product, calculator: DurationCalculator) {
        self.product = product
        self.calculator = calculator
    }

    /// The fraction of a year that `[start, end)` is.
    public func yearFraction(from start: Timestamp, to end: Timestamp) -> Decimal {
        switch calculator.basis {
        case .months, .years: return calculator.months(from: start, to: end) / 12
        case .days, .weeks, .hours: return calculator.localDays(from: start, to: end) / 365
        }
    }

    /// `annual × fraction`, rounded half-even to whole minor units.
    public static func prorate(_ annualMinorUnits: Int, fraction: Decimal) -> Int {
        var exact = Decimal(annualMinorUnits) * fraction
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .bankers)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    /// What `annual` costs over `[start, end)` of the term: what `[termStart, end)` costs minus what `[termStart, start)`
    /// costs, each rounded.
    public func amount(_ annual: Int, from start: Timestamp, to end: Timestamp) -> Int {
        let anchor = calculator.termStart
        let before = start > anchor ? Self.prorate(annual, fraction: yearFraction(from: anchor, to: start)) : 0
        return Self.prorate(annual, fraction: yearFraction(from: anchor, to: end)) - before
    }

    /// Amounts by (element static locator, charge type) for a tree in force over `[start, end)`, with the element's
    /// locator in that tree.
    public func amounts(for root: Element, from start: Timestamp, to end: Timestamp) -> [ChargeKey: (elementLocator: String, amount: Int)] {
        guard start < end else { return [:] }
        var result: [ChargeKey: (elementLocator: String, amount: Int)] = [:]
        // The amount depends only on the annual amount here, so each distinct one is prorated once, not once an element.
        var prorated: [(annual: Int, amount: Int)] = []
        root.forEachInTree { element in
            for rate in product.rates where rate.applies(to: element) {
                let key = ChargeKey(staticLocator: element.staticLocator, chargeType: rate.chargeType)
                let amount: Int
                if let known = prorated.first(where: { $0.annual == rate.annualMinorUnits }) {
                    amount = known.amount
                } else {
                    amount = memoizedAmount(rate.annualMinorUnits, from: start, to: end)
                    prorated.append((rate.annualMinorUnits, amount))
                }
                result[key] = (element.locator, (result[key]?.amount ?? 0) + amount)
            }
        }
        return result
    }

    /// What a coverage piece list charges over its pieces (gap pieces charge nothing), summed by key.
    public func amounts(for pieces: [TermTimeline.Piece], from start: Timestamp, to end: Timestamp) -> [ChargeKey: (elementLocator: String, amount: Int)] {
        var result: [ChargeKey: (elementLocator: String, amount: Int)] = [:]
        for piece in pieces where piece.segment.kind == .coverage {
            let overlapStart = max(piece.start, start)
            let overlapEnd = min(piece.end, end)
            for (key, value) in amounts(for: piece.segment.element, from: overlapStart, to: overlapEnd) {
                result[key] = (value.elementLocator, (result[key]?.amount ?? 0) + value.amount)
            }
        }
        return result
    }

    /// The non-zero differences `new − old` by key, in a stable order (static locator, then charge type).
    public static func difference(new: [ChargeKey: (elementLocator: String, amount: Int)],
                                  old: [ChargeKey: (elementLocator: String, amount: Int)]) -> [(ChargeKey, String, Int)] {
        Set(new.keys).union(old.keys).sorted().compactMap { key in
            let amount = (new[key]?.amount ?? 0) - (old[key]?.amount ?? 0)
            guard amount != 0 else { return nil }
            return (key, new[key]?.elementLocator ?? old[key]?.elementLocator ?? "", amount)
        }
    }
}

/// Identifies a charge line: an element (by static locator) and a charge type.
public struct ChargeKey: Sendable, Hashable, Comparable {
    /// The element's static locator.
    public var staticLocator: String
    /// The charge type.
    public var chargeType: String

    /// Orders by static locator, then charge type.
    public static func < (lhs: ChargeKey, rhs: ChargeKey) -> Bool {
        (lhs.staticLocator, lhs.chargeType) < (rhs.staticLocator, rhs.chargeType)
    }
}
