import Foundation
import SuretySchemas

extension LatticeBuilder {
    /// The lattice of a mid-term plan change [D BL]: the old frames before `effective`, then the new plan's frames
    /// (computed over the whole term) after it, a frame straddling `effective` cut there (and marked partial).
    ///
    /// Each frame keeps its weight relative to its own lattice (a cut frame the share of its range it keeps), the
    /// weights are normalised again over the whole, and coverage is stretched anew on each side of `effective`.
    public static func merged(_ old: [LatticeFrame], _ new: [LatticeFrame], at effective: Timestamp, termStart: Timestamp,
                              termEnd: Timestamp) -> [LatticeFrame] {
        func cut(_ frame: LatticeFrame, from start: Timestamp, to end: Timestamp) -> LatticeFrame {
            var copy = frame
            let whole = Decimal(frame.installmentEnd.seconds - frame.installmentStart.seconds)
            copy.installmentStart = max(frame.installmentStart, start)
            copy.installmentEnd = min(frame.installmentEnd, end)
            if copy.installmentStart != frame.installmentStart || copy.installmentEnd != frame.installmentEnd {
                copy.isPartial = true
                let kept = Decimal(copy.installmentEnd.seconds - copy.installmentStart.seconds)
                copy.normalizedWeight = whole > 0 ? frame.normalizedWeight * kept / whole : 0
            }
            return copy
        }
        let before = old.filter { $0.installmentStart < effective }.map { cut($0, from: termStart, to: effective) }
        let after = new.filter { $0.installmentEnd > effective }.map { cut($0, from: effective, to: termEnd) }
        func recovered(_ frames: [LatticeFrame], _ start: Timestamp, _ end: Timestamp) -> [LatticeFrame] {
            let boundaries = coverageBoundaries(frames.map { ($0.installmentStart, $0.installmentEnd) }, weights: frames.map(\.configuredWeight),
                                                termStart: start, termEnd: end)
            return frames.enumerated().map { index, frame in
                var copy = frame
                copy.coverageStart = boundaries[index]
                copy.coverageEnd = boundaries[index + 1]
                return copy
            }
        }
        let frames = recovered(before, termStart, effective) + recovered(after, effective, termEnd)
        let total = frames.reduce(Decimal(0)) { $0 + $1.normalizedWeight }
        return frames.map { frame in
            var copy = frame
            copy.normalizedWeight = total > 0 ? DurationCalculator.rounded(frame.normalizedWeight / total) : 0
            return copy
        }
    }
}
