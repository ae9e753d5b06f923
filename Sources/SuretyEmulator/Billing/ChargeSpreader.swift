import Foundation
import SuretySchemas

/// Spreads a charge over lattice frames so that the parts sum exactly to the charge (`semantics.md` §2.4 [I]).
///
/// A charge effective at `t` goes to the frames whose coverage overlaps `[t, end)`; a frame's share is its
/// normalised weight × the part of its coverage after `t`, renormalised over those frames. The parts are rounded by
/// largest remainder (``split(_:by:remainder:)``), so each has the charge's sign, lies within one minor unit of its
/// exact share, and the sum is exact.
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

    /// `amount` split by `shares` by largest remainder: each part is its exact share truncated toward zero, and the
    /// minor units left over go one each to the parts with the largest truncated fractions, so every part is within
    /// one minor unit of its exact share and the parts sum to `amount`. Equal fractions are broken toward the last
    /// part (``ProductBilling/Remainder/lastItem``) or the first (``ProductBilling/Remainder/firstItem``). Empty for no shares.
    public static func split(_ amount: Int, by shares: [Decimal], remainder: ProductBilling.Remainder = .lastItem) -> [Int] {
        guard !shares.isEmpty else { return [] }
        let total = shares.reduce(Decimal(0), +)
        guard total > 0 else {
            var parts = [Int](repeating: 0, count: shares.count)
            parts[remainder == .lastItem ? shares.count - 1 : 0] = amount
            return parts
        }
        let magnitude = Decimal(amount.magnitude), sign = amount < 0 ? -1 : 1
        var whole: [Int] = [], fractions: [Decimal] = []
        for share in shares {
            var exact = magnitude * share / total
            var truncated = Decimal()
            NSDecimalRound(&truncated, &exact, 0, .down)
            whole.append(NSDecimalNumber(decimal: truncated).intValue)
            fractions.append(exact - truncated)
        }
        let leftOver = Int(amount.magnitude) - whole.reduce(0, +)
        let order = shares.indices.sorted { lhs, rhs in
            if fractions[lhs] != fractions[rhs] { return fractions[lhs] > fractions[rhs] }
            return remainder == .lastItem ? lhs > rhs : lhs < rhs
        }
        for index in order.prefix(max(0, leftOver)) { whole[index] += 1 }
        return whole.map { sign * $0 }
    }
}
