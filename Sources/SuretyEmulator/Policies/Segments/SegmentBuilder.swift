import SuretyJSON
import SuretySchemas

/// Builds a transaction's segment: the element tree in force where it takes effect, with its instructions applied.
///
/// The base tree comes from the term's ``TermTimeline`` at the effective time; a renewal starts from the previous
/// term's last piece; a reinstatement from the tree the cancellation's gap carries; a reversal from the view with the
/// reversed transactions left out; a chained transaction from the view with its unissued bases on top. A cancellation
/// produces a `gap` segment carrying the tree unchanged.
public struct SegmentBuilder {
    /// The tenant's data.
    public var store: TenantStore

    /// Creates a builder over a tenant's data.
    public init(store: TenantStore) {
        self.store = store
    }

    /// The segment of `transaction`, with fresh locators from `context`.
    public func build(for transaction: PolicyTransaction, context: inout OperationContext) throws(EmulatorError) -> Segment {
        let policy = try store.policy(transaction.policyLocator)
        let base = try basePiece(for: transaction, policy: policy)
        var element = base?.segment.element
            ?? Element(locator: "", staticLocator: context.makeLocator(), type: policy.productName, originalEffectiveTime: transaction.effectiveTime)
        for instruction in transaction.changeInstructions {
            try apply(instruction, to: &element, at: transaction.effectiveTime, context: &context)
        }
        let locator = context.makeLocator()
        var ids = context
        let relocated = element.relocated(rootLocator: locator) { ids.makeLocator() }
        context = ids
        return Segment(locator: locator, transactionLocator: transaction.locator, termLocator: transaction.termLocator,
                       startTime: transaction.effectiveTime, kind: Self.kind(of: transaction, basedOn: base),
                       element: relocated, basedOn: base?.segment.locator)
    }

    /// A cancellation makes a gap and a reinstatement or renewal coverage; any other transaction keeps the kind of
    /// what it is based on, so a change dated inside a cancellation gap leaves the gap (only a reinstatement ends it).
    static func kind(of transaction: PolicyTransaction, basedOn base: TermTimeline.Piece?) -> Segment.Kind {
        switch transaction.category {
        case .cancellation: return .gap
        case .reinstatement, .renewal, .issuance: return .coverage
        case .change, .reversal, .aggregate: return base?.segment.kind ?? .coverage
        }
    }

    /// The piece whose tree the transaction starts from.
    func basePiece(for transaction: PolicyTransaction, policy: Policy) throws(EmulatorError) -> TermTimeline.Piece? {
        switch transaction.category {
        case .renewal:
            let term = try store.term(transaction.termLocator)
            guard let previous = term.previousTermLocator else { return nil }
            return TermTimeline(store: store, policy: policy, term: try store.term(previous), chain: store.provisionalChain(below: transaction)).pieces.last
        case .reversal:
            let term = try store.term(transaction.termLocator)
            return TermTimeline(store: store, policy: policy, term: term, excluding: Set(transaction.reversedLocators))
                .piece(at: transaction.effectiveTime)
        default:
            let term = try store.term(transaction.termLocator)
            return TermTimeline(store: store, policy: policy, term: term, chain: store.provisionalChain(below: transaction))
                .piece(at: transaction.effectiveTime)
        }
    }

    /// Applies one instruction to the tree; an instruction naming an element the tree lacks is refused (422).
    func apply(_ instruction: ChangeInstruction, to root: inout Element, at time: Timestamp,
               context: inout OperationContext) throws(EmulatorError) {
        switch instruction.action {
        case .params:
            return
        case .add(let additions):
            for addition in additions {
                let element = makeElement(addition, at: time, context: &context)
                let parent = addition.parentStaticLocator ?? root.staticLocator
                guard root.update(staticLocator: parent, { $0.children.append(element) }) else {
                    throw .unprocessable(reason: "Instruction \(instruction.locator) adds under element \(parent), which the segment does not have.")
                }
            }
        case .modify(let change):
            let found = root.update(staticLocator: change.staticLocator) { element in
                var data = element.data
                for member in change.setData { data = data.setting(member.value, at: JSONPointer(tokens: [member.key])) }
                for key in change.removeData { data = data.setting(nil, at: JSONPointer(tokens: [key])) }
                element.data = data
                element.coverageTerms.merge(change.setCoverageTerms) { $1 }
                for key in change.removeCoverageTerms { element.coverageTerms[key] = nil }
            }
            guard found else {
                throw .unprocessable(reason: "Instruction \(instruction.locator) modifies element \(change.staticLocator), which the segment does not have.")
            }
        case .delete(let staticLocators):
            for staticLocator in staticLocators where staticLocator == root.staticLocator || !root.contains(staticLocator: staticLocator) {
                throw .unprocessable(reason: "Instruction \(instruction.locator) deletes element \(staticLocator), which is the root or absent.")
            }
            root.remove(staticLocators: Set(staticLocators))
        }
    }

    func makeElement(_ addition: ChangeInstruction.NewElement, at time: Timestamp, context: inout OperationContext) -> Element {
        Element(locator: "", staticLocator: addition.staticLocator ?? context.makeLocator(), type: addition.type, data: addition.data,
                coverageTerms: addition.coverageTerms, originalEffectiveTime: time,
                children: addition.children.map { makeElement($0, at: time, context: &context) })
    }
}
