import SuretySchemas
extension TransactionLifecycle {
    /// Creates a draft transaction on a policy (`PATCH /policies/{locator}/change|renew|cancel|reinstate|reversal|{type}`).
    ///
    /// The base is `baseLocator` when given, else the top of the stack. A base may be an issued transaction of the
    /// policy or an unissued, open one: provisional transactions can be chained [D PT], and a chained transaction
    /// builds on its base's segment and is issued after it. The
    /// effective time is the params instruction's; without one [I] a change takes effect now (whole seconds) when
    /// now lies in a term, else at the latest term's start; a renewal at the end of the last term (a later start is
    /// honoured: a renewal with a gap [D RN], no term covering the gap; an earlier one is refused); a reinstatement
    /// where the cancellation's gap starts. A change outside every term, a second pending renewal, a renewal end not
    /// after the current end, a reinstatement of a policy not cancelled, or a reversal that does not undo exactly
    /// the transactions issued above `toTransaction` is refused with 422, and so is anything
    /// ``checkStandingRules(for:)`` refuses.
    public mutating func create(_ request: TransactionRequest, on policyLocator: String, baseLocator: String? = nil) throws(EmulatorError) -> PolicyTransaction {
        var policy = try store.policy(policyLocator)
        guard let top = store.topIssued(of: policy) else {
            throw .unprocessable(reason: "Policy \(policyLocator) has no issued transaction to change.")
        }
        let base = baseLocator ?? top.locator
        let issuedBase = store.transactions[base]?.state == .issued && policy.issuedLocators.reversed().contains(base)  // the base is usually the top
        let openBase = store.transactions[base].map { $0.policyLocator == policyLocator && !$0.state.isFinal } ?? false
        guard issuedBase || openBase else {
            throw .unprocessable(reason: "baseLocator \(base) is neither an issued nor an open transaction of policy \(policyLocator).")
        }
        let locator = context.makeLocator()
        let (termLocator, effective) = try placement(of: request, policy: policy, transactionLocator: locator)
        var transaction = PolicyTransaction(
            locator: locator, policyLocator: policy.locator, termLocator: termLocator, effectiveTime: effective,
            category: request.category, transactionType: Self.transactionType(of: request), createdAt: context.now,
            createdBy: context.user, baseTransactionLocator: base, changeInstructions: request.instructions)
        if case .reversal(let target, let reversed) = request {
            transaction.reversedLocators = reversed
            transaction.reversalTargetLocator = target
        }
        try checkStandingRules(for: transaction)
        policy = try store.policy(policyLocator)
        policy.transactionLocators.append(locator)
        store.policies[policy.locator] = policy
        store.transactions[locator] = transaction
        return transaction
    }

    static func transactionType(of request: TransactionRequest) -> String {
        switch request {
        case .change(let type, _): return type
        case .renewal: return "renewal"
        case .cancellation: return "cancellation"
        case .reinstatement: return "reinstatement"
        case .reversal: return "reversal"
        }
    }

    /// The term and effective time of a new transaction; a renewal creates its pending term here.
    mutating func placement(of request: TransactionRequest, policy: Policy, transactionLocator: String) throws(EmulatorError) -> (String, Timestamp) {
        let given = request.instructions.compactMap(\.parameters).last
        let realTerms = policy.termLocators.compactMap { store.terms[$0] }.filter { $0.pendingRenewalLocator == nil }
        guard let lastTerm = realTerms.last else { throw .unprocessable(reason: "Policy \(policy.locator) has no term.") }
        switch request {
        case .renewal:
            if policy.termLocators.compactMap({ store.terms[$0] }).contains(where: { $0.pendingRenewalLocator != nil }) {
                throw .unprocessable(reason: "Policy \(policy.locator) already has a pending renewal.")
            }
            let start = given?.effectiveTime ?? lastTerm.endTime
            guard start >= lastTerm.endTime else {
                throw .unprocessable(reason: "A renewal's start \(start.rfc3339()) must not be before the current end \(lastTerm.endTime.rfc3339()); terms never overlap.")
            }
            let calculator = store.calculator(for: policy, term: lastTerm)
            let natural = calculator.wholeMonths(from: lastTerm.startTime, to: lastTerm.endTime)
                .map { calculator.adding(months: $0, to: start) }
                ?? start.adding(seconds: lastTerm.endTime.seconds - lastTerm.startTime.seconds)
            let end = given?.newPolicyEndTime ?? natural
            guard end > lastTerm.endTime, end > start else {
                throw .unprocessable(reason: "A renewal's end \(end.rfc3339()) must be after the current end \(lastTerm.endTime.rfc3339()) and after its start \(start.rfc3339()).")
            }
            let term = Term(locator: context.makeLocator(), staticLocator: context.makeLocator(), policyLocator: policy.locator,
                            number: lastTerm.number + 1, startTime: start, endTime: end,
                            previousTermLocator: lastTerm.locator,
                            termNumber: context.options.termNumber(policy: policy.locator, number: lastTerm.number + 1),
                            pendingRenewalLocator: transactionLocator)
            store.terms[term.locator] = term
            store.policies[policy.locator]?.termLocators.append(term.locator)
            return (term.locator, term.startTime)
        case .reversal(let to, let reversed):
            return try reversalPlacement(policy: policy, to: to, reversed: reversed)
        case .reinstatement:
            let term = given.flatMap { store.term(of: policy, at: $0.effectiveTime) } ?? lastTerm
            let timeline = TermTimeline(store: store, policy: policy, term: term)
            guard let gap = timeline.pieces.last(where: { $0.segment.kind == .gap }) else {
                throw .unprocessable(reason: "Policy \(policy.locator) is not cancelled in term \(term.number).")
            }
            let effective = given?.effectiveTime ?? gap.start
            guard timeline.piece(at: effective)?.segment.kind == .gap else {
                throw .unprocessable(reason: "Policy \(policy.locator) is not cancelled at \(effective.rfc3339()).")
            }
            return (term.locator, effective)
        case .change, .cancellation:
            let now = Timestamp(seconds: context.now.seconds)
            let effective = given?.effectiveTime ?? (store.term(of: policy, at: now).map { $0.startTime <= now && now < $0.endTime ? now : $0.startTime } ?? lastTerm.startTime)
            guard let term = realTerms.last(where: { $0.startTime <= effective && effective < $0.endTime }) else {
                throw .unprocessable(reason: "Effective time \(effective.rfc3339()) lies in no term of policy \(policy.locator).")
            }
            return (term.locator, effective)
        }
    }

    func reversalPlacement(policy: Policy, to: String, reversed: [String]) throws(EmulatorError) -> (String, Timestamp) {
        let stack = policy.issuedLocators.filter { store.transactions[$0]?.state == .issued }
        guard let position = stack.firstIndex(of: to) else {
            throw .unprocessable(reason: "toTransaction \(to) is not an issued transaction of policy \(policy.locator).")
        }
        let above = Array(stack[(position + 1)...])
        guard !reversed.isEmpty, Set(above) == Set(reversed) else {
            throw .unprocessable(reason: "reverseTransactions must be exactly the transactions issued above \(to): \(above.joined(separator: ", ")).")
        }
        let undone = reversed.compactMap { store.transactions[$0] }
        guard let target = store.transactions[to], undone.allSatisfy({ $0.termLocator == target.termLocator && $0.category != .renewal }) else {
            throw .unprocessable(reason: "A reversal must stay within the term of \(to) and cannot undo a renewal.")
        }
        return (target.termLocator, undone.map(\.effectiveTime).min() ?? target.effectiveTime)
    }
}
