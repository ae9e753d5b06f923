import SuretyHTTPCore

/// A value an ``Interner`` can share: hashed and compared by its exact bytes.
///
/// `String` equality is Unicode canonical equivalence (`"é"` equals `"e\u{301}"`), and header fields built on it
/// would follow; sharing must never replace one spelling by another, so interning uses these instead.
protocol ExactlyHashable {
    /// Feeds the exact bytes (or a hash computed from them) to `hasher`.
    func exactHash(into hasher: inout Hasher)
    /// Whether `other` has exactly the same bytes.
    func isExactly(_ other: Self) -> Bool
}

/// Hands out one shared instance of each distinct value it is given, so that recordings of one tenant hold its
/// locator, and their identical response header fields, once per interner rather than once per recording.
///
/// Not locked: a folder is loaded with one interner per batch of files (a shared, locked table cost more CPU in lock
/// contention than it saved), which shares each value among the 256 recordings of a batch.
struct Interner<Value: ExactlyHashable> {
    private var table = Set<Exact>()

    /// The instance exactly equal to `value` that was interned first.
    mutating func intern(_ value: Value) -> Value {
        table.insert(Exact(value: value)).memberAfterInsert.value  // one lookup: the member already held, or this one
    }

    private struct Exact: Hashable {
        var value: Value
        func hash(into hasher: inout Hasher) { value.exactHash(into: &hasher) }
        static func == (lhs: Exact, rhs: Exact) -> Bool { lhs.value.isExactly(rhs.value) }
    }
}

extension String: ExactlyHashable {
    func exactHash(into hasher: inout Hasher) {
        var text = self
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    func isExactly(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}

extension HTTPFields: ExactlyHashable {
    func exactHash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
        for field in fields {
            field.name.exactHash(into: &hasher)
            field.value.exactHash(into: &hasher)
        }
    }

    func isExactly(_ other: HTTPFields) -> Bool {
        fields.count == other.fields.count
            && zip(fields, other.fields).allSatisfy { $0.name.isExactly($1.name) && $0.value.isExactly($1.value) }
    }
}
