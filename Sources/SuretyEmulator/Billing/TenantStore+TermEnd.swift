import SuretySchemas

extension TenantStore {
    /// Makes a term's installments follow its end after the end moved earlier: an installment lying at or after the
    /// end is folded into its transaction's last installment before the end (item by item, on the same charge), or,
    /// when its transaction has none, moved onto the last frame of `lattice` (the lattice of the new dates); an
    /// installment crossing the end is cut at it. No installment lies past the end, and each transaction's
    /// installments still sum exactly to its charges, so the change's refund nets out what the cut months had billed.
    mutating func foldInstallments(pastEndOf term: Term, onto lattice: InstallmentLattice, now: Timestamp, user: String) {
        let end = term.endTime
        let calculator = DurationCalculator(basis: lattice.durationBasis, timeZoneIdentifier: lattice.timeZone, termStart: lattice.termStart)
        let ofTerm = billing.installments(of: term.policyLocator).filter { $0.termLocator == term.locator }
        for late in ofTerm where late.coverageStart >= end {
            let kept = billing.installments(of: term.policyLocator).filter { other in
                other.termLocator == term.locator && other.transactionLocator == late.transactionLocator && other.coverageStart < end
            }
            var target: Installment
            if let last = kept.max(by: { $0.coverageStart < $1.coverageStart }) {
                target = last
                for item in late.items {
                    if let index = target.items.firstIndex(where: { $0.chargeLocator == item.chargeLocator }) {
                        target.items[index].amountMinorUnits += item.amountMinorUnits
                    } else {
                        target.items.append(item)
                    }
                }
                billing.remove(installment: late.locator)
            } else {
                guard let index = lattice.frames.indices.last else { continue }
                let frame = lattice.frames[index]
                target = late
                target.latticeLocator = lattice.locator
                target.frameIndex = index
                target.installmentStart = frame.installmentStart
                target.coverageStart = frame.coverageStart
                target.generateTime = frame.generateTime
                target.dueTime = frame.dueTime
                target.autopayTime = frame.autopayTime
            }
            target.updatedAt = now
            target.updatedBy = user
            billing.update(target)
        }
        for crossing in billing.installments(of: term.policyLocator)
        where crossing.termLocator == term.locator && (crossing.coverageEnd > end || crossing.installmentEnd > end) {
            var cut = crossing
            cut.coverageEnd = min(cut.coverageEnd, end)
            cut.installmentEnd = min(cut.installmentEnd, end)
            cut.coverageStart = min(cut.coverageStart, cut.coverageEnd)
            cut.installmentStart = min(cut.installmentStart, cut.installmentEnd)
            cut.installmentDuration = calculator.duration(from: cut.installmentStart, to: cut.installmentEnd)
            cut.coverageDuration = calculator.duration(from: cut.coverageStart, to: cut.coverageEnd)
            cut.updatedAt = now
            cut.updatedBy = user
            billing.update(cut)
        }
    }
}
