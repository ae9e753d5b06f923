import Foundation
import SuretyJSON

/// A term's summary: its issued transactions flattened into non-overlapping subsegments that cover the term.
///
/// A term created by a renewal not yet issued has no subsegments (`semantics.md` §3). Each subsegment's
/// `locator` is its segment's locator and `basedOn` the transaction that produced the segment [I]; element
/// `chargeSummaries` are the product's rates prorated over the subsegment (nothing for a gap).
/// A subsegment's `documentSummary` lists its segment's documents, then the policy- and term-scope documents on the
/// policy at its start (``TenantStore/documentsInForce(on:at:)``).
public struct TermSummary: Sendable, Hashable {
    /// One subsegment.
    public struct Subsegment: Sendable, Hashable {
        /// The piece of the timeline.
        public var piece: TermTimeline.Piece
        /// Its duration in the policy's basis.
        public var duration: Decimal
        /// Amounts by element static locator and charge type, in minor units.
        public var charges: [String: [String: Int]]
    }

    /// The term.
    public var term: Term
    /// The policy's duration basis.
    public var basis: DurationBasis
    /// The whole term's duration.
    public var duration: Decimal
    /// The subsegments in time order.
    public var subsegments: [Subsegment]

    /// Summarises a term of the store.
    public init(term: Term, store: TenantStore) throws(EmulatorError) {
        let policy = try store.policy(term.policyLocator)
        let calculator = store.calculator(for: policy, term: term)
        let rater = Rater(product: try store.product(of: policy), calculator: calculator)
        self.term = term
        self.basis = policy.durationBasis
        self.duration = calculator.duration(from: term.startTime, to: term.endTime)
        let pieces = term.pendingRenewalLocator == nil ? TermTimeline(store: store, policy: policy, term: term).pieces : []
        self.subsegments = pieces.map { piece in
            var charges: [String: [String: Int]] = [:]
            for (key, value) in rater.amounts(for: [piece], from: piece.start, to: piece.end) {
                charges[key.staticLocator, default: [:]][key.chargeType] = value.amount
            }
            return Subsegment(piece: piece, duration: calculator.duration(from: piece.start, to: piece.end), charges: charges)
        }
    }

    /// The summary as a `TermSummary` response.
    public func render(in store: TenantStore) -> JSONValue {
        let scale = store.scale(of: term.policyLocator)
        return .object([
            "locator": .string(term.locator), "staticLocator": .string(term.staticLocator), "policyLocator": .string(term.policyLocator),
            "startTime": .string(term.startTime.rfc3339(fractional: true)), "endTime": .string(term.endTime.rfc3339(fractional: true)),
            "duration": TenantStore.number(duration), "durationBasis": .string(basis.rawValue), "termNumber": .integer(term.number),
            "subsegments": .array(subsegments.map { render($0, scale: scale, store: store) }),
        ])
    }

    func render(_ subsegment: Subsegment, scale: Int, store: TenantStore) -> JSONValue {
        let segment = subsegment.piece.segment
        let documents = store.documents(about: segment.locator, type: .segment) + store.documentsInForce(on: term, at: subsegment.piece.start)
        return .object([
            "locator": .string(segment.locator), "startTime": .string(subsegment.piece.start.rfc3339(fractional: true)),
            "endTime": .string(subsegment.piece.end.rfc3339(fractional: true)), "duration": TenantStore.number(subsegment.duration),
            "basedOn": .string(segment.transactionLocator), "type": .string(segment.kind.rawValue),
            "documentSummary": .array(documents.map { document in
                .object(["locator": .string(document.locator), "staticName": .string(document.staticName), "name": .string(document.name),
                         "documentInstanceState": .string(store.status(of: document).state.rawValue), "referenceType": .string(document.referenceType.rawValue),
                         "state": .string(store.status(of: document).state.rawValue)])
            }),
            "elements": .array(segment.element.flattened.map { element in
                let charges = subsegment.charges[element.staticLocator, default: [:]].sorted { $0.key < $1.key }
                return .object(["locator": .string(element.locator), "staticLocator": .string(element.staticLocator),
                                "type": .string(element.type), "data": element.data,
                                "chargeSummaries": .object(charges.map { JSONMember(key: $0.key, value: .number(TenantStore.amount($0.value, scale: scale))) })])
            }),
        ])
    }
}
