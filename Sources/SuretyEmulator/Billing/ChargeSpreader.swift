import Foundation
import SuretySchemas

/// Spreads a charge over lattice frames so that the parts sum exactly to the charge (`semantics.md` §2.4 [I]).
///
/// A charge effective at `t` goes to the frames whose coverage overlaps `[t, end)`; a frame's share is its
/// normalised weight × the part of its coverage after `t`, renormalised over those frames. Each part is the exact
/// share truncated toward zero to minor units, except the one ``ProductBilling/Remainder`` names, which takes
/// what is left, so every part has the charge's sign and the sum is exact.
public enum ChargeSpreader {
    /// The frames a charge effective over `[effective, end)` goes to, with their unnormalised shares, in order.
    public static func shares(of frames: [LatticeFrame], from effective: Timestamp, to end: Timestamp) -> [(index: Int, share: Decimal)] {
        var result: [(index: Int, share: Decimal)] = []
        for (index, frame) in frames.enumerated() {
            let start = max(frame.coverageStart, effective), stop = min(frame.coverageEnd, end)
            guard start < stop, frame.coverageEnd > frame.coverageStart else { continue }
            let whole = frame.coverageEnd.seconds - frame.coverageStart.seconds, part = stop.seconds - start.seconds
            result.append((index, part == whole ? frame.normalizedWeight : frame.normalizedWeight * Decimal(part) / Decimal(whole)))
        }
        if result.isEmpty, let last = frames.indices.last(where: { frames[$0].coverageStart < end }) ?? frames.indices.last {
            result.append((last, 1))
        }
        return result
    }

    /// `amount` split by `shares`: truncated parts, the remainder on the first or last part; empty for no shares.
    public static func split(_ amount: Int, by shares: [Decimal], remainder: ProductBilling.Remainder = .lastItem) -> [Int] {
        guard !shares.isEmpty else { return [] }
        let total = shares.reduce(Decimal(0), +)
        let holder = remainder == .lastItem ? shares.count - 1 : 0
        let magnitude = Decimal(amount.magnitude), sign = amount < 0 ? -1 : 1
        var parts = shares.map { share -> Int in
            guard total > 0 else { return 0 }
            var exact = magnitude * share / total
            var truncated = Decimal()
            NSDecimalRound(&truncated, &exact, 0, .down)
            return sign * NSDecimalNumber(decimal: truncated).intValue
        }
        parts[holder] = 0
        parts[holder] = amount - parts.reduce(0, +)
        return parts
    }
}
