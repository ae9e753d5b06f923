import SuretySchemas
/// A coverage or gap segment: the element tree in force from `startTime` to the end of its term.
///
/// Every segment runs to its term's end, so its end is read from the term (``TenantStore/segmentEnd(_:)``) and
/// follows a later change of the policy end; later segments cut earlier ones in the term summary.
public struct Segment: Sendable, Hashable {
    /// Whether a segment gives coverage.
    public enum Kind: String, Sendable, Hashable {
        case coverage, gap
    }

    /// The segment's locator (also its root element's locator).
    public var locator: String
    /// The transaction that produced it.
    public var transactionLocator: String
    /// The term it lies in.
    public var termLocator: String
    /// When it starts.
    public var startTime: Timestamp
    /// Coverage or gap.
    public var kind: Kind
    /// The element tree.
    public var element: Element
    /// The segment it was derived from, when there was one.
    public var basedOn: String?

    /// Creates a segment.
    public init(locator: String, transactionLocator: String, termLocator: String, startTime: Timestamp, kind: Kind,
                element: Element, basedOn: String?) {
        self.locator = locator
        self.transactionLocator = transactionLocator
        self.termLocator = termLocator
        self.startTime = startTime
        self.kind = kind
        self.element = element
        self.basedOn = basedOn
    }
}
