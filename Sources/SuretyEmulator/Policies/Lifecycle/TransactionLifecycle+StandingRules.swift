import SuretySchemas

extension TransactionLifecycle {
    /// Refuses (422) a transaction the business rules do not allow on the policy as it stands: checked when the
    /// transaction is created and again when it is issued, because transactions issued in between change the answer.
    ///
    /// A reversal must undo exactly the transactions issued above `toTransaction`; a cancellation may not start
    /// inside a cancellation gap; a renewal may not follow a term cancelled to its end, nor start before the term it
    /// follows ends; a new policy end must come after the transaction's effective time and may not pass the start of
    /// the policy's next issued term (terms never overlap).
    func checkStandingRules(for transaction: PolicyTransaction) throws(EmulatorError) {
        let policy = try store.policy(transaction.policyLocator)
        let term = try store.term(transaction.termLocator)
        switch transaction.category {
        case .reversal:
            if let target = transaction.reversalTargetLocator {
                _ = try reversalPlacement(policy: policy, to: target, reversed: transaction.reversedLocators)
            }
        case .cancellation:
            let timeline = TermTimeline(store: store, policy: policy, term: term)
            if let piece = timeline.covering(transaction.effectiveTime), piece.segment.kind == .gap {
                throw .unprocessable(reason: "Policy \(policy.locator) is already cancelled at \(transaction.effectiveTime.rfc3339()) (from \(piece.start.rfc3339())); only a reinstatement ends a gap.")
            }
        case .renewal:
            guard let previous = term.previousTermLocator.flatMap({ store.terms[$0] }) else { break }
            if let last = TermTimeline(store: store, policy: policy, term: previous).pieces.last, last.segment.kind == .gap {
                throw .unprocessable(reason: "Policy \(policy.locator) is cancelled from \(last.start.rfc3339()) to the end of term \(previous.number); reinstate it before renewing.")
            }
            guard term.startTime >= previous.endTime else {
                throw .unprocessable(reason: "The renewed term would start at \(term.startTime.rfc3339()), before term \(previous.number) ends at \(previous.endTime.rfc3339()); terms never overlap.")
            }
        default:
            break
        }
        guard let end = transaction.parameters?.newPolicyEndTime, transaction.category != .renewal else { return }
        guard end > transaction.effectiveTime else {
            throw .unprocessable(reason: "A new policy end \(end.rfc3339()) must be after the transaction's effective time \(transaction.effectiveTime.rfc3339()).")
        }
        if let next = store.nextIssuedTerm(after: term, of: policy), end > next.startTime {
            throw .unprocessable(reason: "A new policy end \(end.rfc3339()) would pass the start \(next.startTime.rfc3339()) of term \(next.number); terms never overlap.")
        }
    }
}
