/// An immutable value held by reference, so that many values can share one copy; equal, and hashed, by the value.
public final class Shared<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public let value: Value

    /// Holds a value.
    public init(_ value: Value) {
        self.value = value
    }

    /// A holder of the value changed by `change`.
    public func with(_ change: (inout Value) -> Void) -> Shared {
        var changed = value
        change(&changed)
        return Shared(changed)
    }

    /// Equal when the values are (one holder is equal to itself without comparing).
    public static func == (lhs: Shared, rhs: Shared) -> Bool { lhs === rhs || lhs.value == rhs.value }

    /// Hashes the value.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
