import SuretySchemas
/// The flattened view of a term: its issued transactions' segments cut into non-overlapping pieces.
///
/// Segments are laid in issue order; each runs from its start to the term's end and cuts whatever lay there
/// before, so the pieces tile the term from the first segment's start (`semantics.md` §3, TermSummary). Issued
/// segments are in effective-time order: an out-of-sequence change is issued inside an aggregate that reapplies the
/// later ones after it (``TransactionLifecycle/issueOutOfSequence(_:later:)``).
public struct TermTimeline: Sendable, Hashable {
    /// One piece: a segment in force over `[start, end)`.
    public struct Piece: Sendable, Hashable {
        /// The segment in force.
        public var segment: Segment
        /// Where the piece starts.
        public var start: Timestamp
        /// Where it ends.
        public var end: Timestamp
    }

    /// The pieces, in time order.
    public var pieces: [Piece]

    /// Flattens `segments`, given in issue order, over `term`.
    public init(segments: [Segment], term: Term) {
        var pieces: [Piece] = []
        for segment in segments {
            let start = min(max(segment.startTime, term.startTime), term.endTime)
            pieces = pieces.compactMap { piece in
                guard piece.start < start else { return nil }
                var cut = piece
                cut.end = min(piece.end, start)
                return cut
            }
            if start < term.endTime { pieces.append(Piece(segment: segment, start: start, end: term.endTime)) }
        }
        self.pieces = pieces
    }

    /// The flattened view of a term from the store: issued transactions' segments, leaving out `excluded` ones,
    /// then the segments of `chain`, the unissued transactions a chained transaction builds on (oldest first).
    ///
    /// The same pieces as ``init(segments:term:)`` over those segments, found latest first: a segment's piece runs
    /// from its start to the earliest start laid after it, so once that reaches the term's start no earlier segment
    /// shows, and the older history is not read. The issued history is walked in the policy's ``IssuedFact``s; a
    /// segment that would be hidden whatever its transaction's state costs no read of the tables, so a walk reads
    /// the tables once a piece, however long the history.
    public init(store: TenantStore, policy: Policy, term: Term, excluding excluded: Set<String> = [],
                chain: [PolicyTransaction] = []) {
        let floor = min(term.startTime, term.endTime)
        var reach = term.endTime
        var latestFirst: [Piece] = []
        /// Lays a segment starting at `startTime` under the later ones when it shows (and `inForce` says its
        /// transaction counts); false once nothing earlier can show.
        func lay(_ segmentLocator: String, startTime: Timestamp, inForce: () -> Bool) -> Bool {
            let start = min(max(startTime, term.startTime), term.endTime)
            if start < reach, inForce(), let segment = store.segments[segmentLocator] {
                latestFirst.append(Piece(segment: segment, start: start, end: reach))
                reach = start
            }
            return reach > floor
        }
        var going = true
        for transaction in chain.reversed() where going && transaction.termLocator == term.locator {
            guard !excluded.contains(transaction.locator), let segment = transaction.segmentLocator,
                  let startTime = store.segments.read(segment, { $0.startTime }) else { continue }
            going = lay(segment, startTime: startTime) { true }
        }
        // Read in place, run by run: a fact copied out would retain its three strings, and most facts are only
        // compared. A fact whose segment starts where a later one already covers cannot show: it is passed over on
        // one comparison of times (a policy changed many times at one instant has many), before any string is compared.
        walk: for facts in policy.issuedFacts.runs.reversed() {
            for index in facts.indices.reversed() {
                guard going else { break walk }
                guard min(max(facts[index].segmentStart, term.startTime), term.endTime) < reach,
                      facts[index].termLocator == term.locator, let segment = facts[index].segmentLocator,
                      !excluded.contains(facts[index].locator) else { continue }
                going = lay(segment, startTime: facts[index].segmentStart) {
                    store.transactions.read(facts[index].locator, { $0.state == .issued }) == true
                }
            }
        }
        self.pieces = latestFirst.reversed()
    }

    /// The piece in force at `instant`, or nil when none covers it.
    public func covering(_ instant: Timestamp) -> Piece? {
        pieces.last { $0.start <= instant && instant < $0.end }
    }

    /// The piece in force at `instant`, or the last one when none covers it.
    public func piece(at instant: Timestamp) -> Piece? {
        covering(instant) ?? pieces.last
    }
}
