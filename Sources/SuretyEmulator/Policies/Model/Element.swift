import SuretyJSON
import SuretySchemas

/// One element of a segment's tree: the root is the product's segment element, children are exposures and coverages.
///
/// `locator` is new in every segment (the root's is the segment's own locator); `staticLocator` persists across
/// segments, and `originalEffectiveTime` records when the element was first added (`semantics.md` §3).
public struct Element: Sendable, Hashable {
    /// This segment's locator of the element.
    public var locator: String
    /// The locator that persists across segments.
    public var staticLocator: String
    /// The element type, e.g. `PersonalAuto` or `Vehicle`.
    public var type: String
    /// The element's data, a JSON object.
    public var data: JSONValue
    /// The chosen coverage-term options by coverage term name.
    public var coverageTerms: [String: String]
    /// When the element was first added.
    public var originalEffectiveTime: Timestamp
    /// The child elements, in order.
    public var children: [Element]

    /// Creates an element.
    public init(locator: String, staticLocator: String, type: String, data: JSONValue = .object([]),
                coverageTerms: [String: String] = [:], originalEffectiveTime: Timestamp, children: [Element] = []) {
        self.locator = locator
        self.staticLocator = staticLocator
        self.type = type
        self.data = data
        self.coverageTerms = coverageTerms
        self.originalEffectiveTime = originalEffectiveTime
        self.children = children
    }

    /// This element and all its descendants, depth first.
    public var flattened: [Element] {
        var elements: [Element] = []
        forEachInTree { elements.append($0) }
        return elements
    }

    /// Calls `body` on this element and each of its descendants, depth first, in place: no array is built and no
    /// element copied (a segment's tree is walked several times a request).
    public func forEachInTree<Failure: Error>(_ body: (Element) throws(Failure) -> Void) throws(Failure) {
        try body(self)
        for child in children { try child.forEachInTree(body) }
    }

    /// Whether the tree holds an element with this static locator.
    public func contains(staticLocator target: String) -> Bool {
        staticLocator == target || children.contains { $0.contains(staticLocator: target) }
    }

    /// Applies `change` to the element with `staticLocator` in this tree; false when there is none.
    public mutating func update(staticLocator target: String, _ change: (inout Element) -> Void) -> Bool {
        if staticLocator == target { change(&self); return true }
        for index in children.indices where children[index].update(staticLocator: target, change) { return true }
        return false
    }

    /// Removes the elements with these static locators (and their descendants) below this element.
    public mutating func remove(staticLocators: Set<String>) {
        children.removeAll { staticLocators.contains($0.staticLocator) }
        for index in children.indices { children[index].remove(staticLocators: staticLocators) }
    }

    /// A copy with fresh per-segment locators from `makeLocator`; the root takes `rootLocator`.
    public func relocated(rootLocator: String, makeLocator: () -> String) -> Element {
        var copy = self
        copy.locator = rootLocator
        copy.children = children.map { $0.relocated(rootLocator: makeLocator(), makeLocator: makeLocator) }
        return copy
    }
}
