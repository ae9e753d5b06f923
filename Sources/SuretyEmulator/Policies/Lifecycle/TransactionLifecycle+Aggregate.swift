import SuretySchemas

/// Out-of-sequence transactions (`semantics.md` §1.7 [D OOS]): issuing a transaction that takes effect before issued
/// ones builds an aggregate, so the policy ends as if every transaction had been issued in effective-time order.
extension TransactionLifecycle {
    /// The policy's issued changes that take effect after `transaction` (at the same instant: those created after
    /// it, "the one created first is processed first"), in issue order; empty unless `transaction` is a change,
    /// cancellation or reinstatement. Reversals, aggregates and the issuance are never reapplied: what a reversal undid
    /// stays reversed.
    func issuedLater(than transaction: PolicyTransaction) throws(EmulatorError) -> [PolicyTransaction] {
        guard [.change, .cancellation, .reinstatement].contains(transaction.category) else { return [] }
        let policy = try store.policy(transaction.policyLocator)
        // A transaction placed after every reapplicable fact has none later: known without walking the history.
        guard let latest = policy.latestReapplicable, transaction.effectiveTime <= latest.effectiveTime else { return [] }
        let position = policy.transactionLocators.lastIndex(of: transaction.locator) ?? Int.max
        let placed = IssuedFact.Place(effectiveTime: transaction.effectiveTime, creationIndex: position)
        guard placed < latest else { return [] }
        // The facts decide all but the state, so only the few later ones are read from the table.
        var later: [String] = []
        // Read in place, run by run: a fact copied out would retain its three strings, and most facts are only compared.
        for facts in policy.issuedFacts.runs {
            for index in facts.indices where facts[index].isReapplicable && placed < facts[index].place {
                later.append(facts[index].locator)
            }
        }
        return later.compactMap { store.transactions[$0] }.filter { $0.state == .issued }
    }

    /// Issues `transaction` inside an aggregate: one reversal per term undoes `later` (latest first), the transaction
    /// is derived again on what remains and issued, and each of `later` is reapplied in order as a new transaction
    /// (its `reapplicationOfLocator` the original); a reapplication that no longer fits (its instructions name an
    /// element that is gone, or a rule refuses it) is `invalidated`. A reapplied renewal makes a new term that
    /// supersedes the old one (same static locator, number and dates, `supersedesTermLocator`), and the reapplied
    /// changes of that term move to it. The aggregate (`transactionCategory: aggregate`) lists its members, each
    /// names it, and its `affectedTransactions` (and the transaction's) say what happened: `reversed` for each of
    /// `later`, `invalidated` for each reapplication that failed. When the transaction itself no longer fits once
    /// `later` are reversed, it is `invalidated` and nothing else changes.
    mutating func issueOutOfSequence(_ transaction: inout PolicyTransaction, later: [PolicyTransaction]) throws(EmulatorError) {
        var trial = store
        for other in later { trial.transactions[other.locator]?.state = .reversed }
        var ids = context
        guard (try? SegmentBuilder(store: trial).build(for: transaction, context: &ids)) != nil else {
            transaction.state = .invalidated
            store.transactions[transaction.locator] = transaction
            return
        }
        let policyLocator = transaction.policyLocator
        let head = store.topIssued(of: try store.policy(policyLocator))?.locator
        let aggregateLocator = context.makeLocator()
        var members: [String] = []
        let termOrder = later.map(\.termLocator).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for term in termOrder.reversed() {
            let undone = later.filter { $0.termLocator == term }
            var reversal = member(of: aggregateLocator, policy: policyLocator, term: term, effective: undone.map(\.effectiveTime).min() ?? transaction.effectiveTime,
                                  category: .reversal, type: "reversal", instructions: [])
            reversal.reversedLocators = undone.reversed().map(\.locator)
            reversal.charges = try charges(for: reversal)
            try issueMember(&reversal)
            members.append(reversal.locator)
        }
        try initialize(&transaction)
        transaction.charges = try charges(for: transaction)
        transaction.aggregateTransactionLocator = aggregateLocator
        try markIssued(&transaction)
        try billMember(transaction)
        members.append(transaction.locator)

        var affected: [(locator: String, effect: PolicyTransaction.Effect)] = later.map { ($0.locator, .reversed) }
        var terms = TermSupersession()
        for original in later {
            var copy = member(of: aggregateLocator, policy: policyLocator, term: terms.replacement(of: original.termLocator),
                              effective: original.effectiveTime, category: original.category, type: original.transactionType,
                              instructions: original.changeInstructions)
            copy.reapplicationOfLocator = original.reapplicationOfLocator ?? original.locator
            if try !reapply(&copy, of: original, terms: &terms) {
                copy.state = .invalidated
                store.transactions[copy.locator] = copy
                affected.append((copy.locator, .invalidated))
            }
            members.append(copy.locator)
        }

        var aggregate = member(of: nil, policy: policyLocator, term: transaction.termLocator, effective: transaction.effectiveTime,
                               category: .aggregate, type: "aggregate", instructions: [], locator: aggregateLocator)
        aggregate.baseTransactionLocator = head
        aggregate.aggregatedLocators = members
        aggregate.affected = affected
        try markIssued(&aggregate)
        transaction.affected = affected
        store.transactions[transaction.locator] = transaction
    }

    /// A new draft member of an aggregate, based on the policy's head and recorded on the policy.
    mutating func member(of aggregate: String?, policy: String, term: String, effective: Timestamp, category: TransactionCategory,
                         type: String, instructions: [ChangeInstruction], locator: String? = nil) -> PolicyTransaction {
        let head = store.policies[policy].flatMap { store.topIssued(of: $0) }?.locator
        var transaction = PolicyTransaction(locator: locator ?? context.makeLocator(), policyLocator: policy, termLocator: term,
                                            effectiveTime: effective, category: category, transactionType: type, createdAt: context.now,
                                            createdBy: context.user, baseTransactionLocator: head, changeInstructions: instructions)
        transaction.aggregateTransactionLocator = aggregate
        store.policies[policy]?.transactionLocators.append(transaction.locator)
        return transaction
    }

    /// Issues a member of an aggregate with its documents and billing.
    mutating func issueMember(_ transaction: inout PolicyTransaction) throws(EmulatorError) {
        try markIssued(&transaction)
        try createDocuments(for: transaction, reaching: .issued)
        try billMember(transaction)
    }

    /// Bills an aggregate's member when it is issued, whatever the product's trigger: it never passes `accepted`.
    mutating func billMember(_ transaction: PolicyTransaction) throws(EmulatorError) {
        if let billed = try store.bill(transaction, context: &context) { recordInstallmentJob(for: transaction, billed: billed) }
    }

    /// Derives and issues `copy`, a reapplication of `original`; false, with nothing changed but a renewal's lost
    /// term, when it no longer fits (a rule refuses it, an instruction names an element that is gone, or it now lies
    /// past its term's end). A renewal is reapplied on a new term superseding the original's.
    mutating func reapply(_ copy: inout PolicyTransaction, of original: PolicyTransaction, terms: inout TermSupersession) throws(EmulatorError) -> Bool {
        guard !terms.lost.contains(original.termLocator) else { return false }
        if original.category != .renewal, let term = store.terms[copy.termLocator],
           copy.effectiveTime < term.startTime || copy.effectiveTime >= term.endTime {
            return false
        }
        var made: Term?
        if original.category == .renewal {
            let old = try store.term(original.termLocator)
            var term = Term(locator: context.makeLocator(), staticLocator: old.staticLocator, policyLocator: old.policyLocator,
                            number: old.number, startTime: old.startTime, endTime: old.endTime,
                            previousTermLocator: old.previousTermLocator.map(terms.replacement(of:)), termNumber: old.termNumber)
            term.supersedesTermLocator = old.locator
            store.terms[term.locator] = term
            replaceTerm(old.locator, with: term.locator, on: original.policyLocator)
            copy.termLocator = term.locator
            made = term
        }
        let segment: Segment
        do {
            try checkStandingRules(for: copy)
            segment = try SegmentBuilder(store: store).build(for: copy, context: &context)
        } catch {
            if let made {
                store.terms[made.locator] = nil
                replaceTerm(made.locator, with: nil, on: original.policyLocator)
                terms.lost.insert(original.termLocator)
            }
            return false
        }
        if let made { terms.superseded[original.termLocator] = made.locator }
        store.segments[segment.locator] = segment
        copy.segmentLocator = segment.locator
        copy.charges = try charges(for: copy)
        try issueMember(&copy)
        return true
    }

    /// Puts `new` in the place of `old` in the policy's terms (or drops `old`), and repoints the terms that follow it.
    mutating func replaceTerm(_ old: String, with new: String?, on policyLocator: String) {
        guard var policy = store.policies[policyLocator], let index = policy.termLocators.firstIndex(of: old) else { return }
        if let new { policy.termLocators[index] = new } else { policy.termLocators.remove(at: index) }
        store.policies[policyLocator] = policy
        let replacement = new ?? store.terms[old]?.previousTermLocator
        for locator in policy.termLocators where store.terms[locator]?.previousTermLocator == old {
            store.terms[locator]?.previousTermLocator = replacement
        }
    }
}

/// The terms an aggregate replaced while reapplying renewals: superseded ones and ones lost with their renewal.
struct TermSupersession {
    /// The new term of each superseded term.
    var superseded: [String: String] = [:]
    /// Terms whose renewal could not be reapplied: their changes cannot be either.
    var lost: Set<String> = []

    /// The term that now stands for `term`.
    func replacement(of term: String) -> String { superseded[term] ?? term }
}
