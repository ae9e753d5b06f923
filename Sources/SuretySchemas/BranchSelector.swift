/// What tells the branches of a `oneOf` apart, read from the contract: a member every branch pins to its own single
/// value (a discriminator in all but name), and the required members only one branch has.
///
/// The validator uses it to name the branch a document meant (see `docs/validation.md`); the OpenAPI export uses the
/// discriminator to state it explicitly. Branches that are not documented schemas pin nothing and require nothing.
public struct BranchSelector: Sendable, Hashable {
    /// The member every branch requires as a one-value enum, each branch with its own value; nil when there is none.
    public let discriminator: String?
    /// The value each branch pins the discriminator to, in branch order; empty without a discriminator.
    public let pinnedValues: [String]
    /// For each branch in order, the required members that no other branch requires, in documented order.
    public let distinctiveMembers: [[String]]

    /// Reads the selector of `oneOf<branches>` from the schemas; `undocumented` schemas count as pinning nothing.
    public init(branches: [TypeRef], schemas: SchemaSet, undocumented: Set<String> = []) {
        let required: [[Property]] = branches.map { branch in
            guard case .named(let name) = branch, !undocumented.contains(name), let schema = schemas[name] else { return [] }
            return schema.requiredProperties
        }
        let pinned: [String: [String]] = Self.pinnedMembers(required)
        let candidate = required.first?.first { member in
            guard let values = pinned[member.name], values.count == branches.count else { return false }
            return Set(values).count == values.count
        }
        discriminator = branches.count > 1 ? candidate?.name : nil
        pinnedValues = discriminator.flatMap { pinned[$0] } ?? []
        distinctiveMembers = required.enumerated().map { position, members in
            members.map(\.name).filter { name in
                !required.enumerated().contains { other, otherMembers in other != position && otherMembers.contains { $0.name == name } }
            }
        }
    }

    /// Each member name with the single value it is pinned to, for the members every branch so far pins.
    static func pinnedMembers(_ required: [[Property]]) -> [String: [String]] {
        var pinned: [String: [String]] = [:]
        for members in required {
            for member in members {
                if case .enumeration(let values) = member.type, values.count == 1 { pinned[member.name, default: []].append(values[0]) }
            }
        }
        return pinned
    }

    /// The branch a document selects: by the discriminator's value first, then by the distinctive members it has
    /// (selected when exactly one branch has any of its own); nil when nothing selects a branch.
    public func select(value: (String) -> String?, has: (String) -> Bool) -> BranchSelection? {
        if let discriminator, let found = value(discriminator), let branch = pinnedValues.firstIndex(of: found) {
            return .pinned(member: discriminator, value: found, branch: branch)
        }
        var chosen: BranchSelection? = nil
        for (branch, members) in distinctiveMembers.enumerated() {
            let present = members.filter(has)
            guard !present.isEmpty else { continue }
            if chosen != nil { return nil }
            chosen = .members(present, branch: branch)
        }
        return chosen
    }
}

/// Why the validator reports one branch of a `oneOf`: what in the document selected it.
public enum BranchSelection: Sendable, Hashable {
    /// The discriminator `member` has the `value` this branch pins it to.
    case pinned(member: String, value: String, branch: Int)
    /// The document has these required members that only this branch requires.
    case members([String], branch: Int)

    /// The selected branch's position.
    public var branch: Int {
        switch self {
        case .pinned(_, _, let branch), .members(_, let branch): return branch
        }
    }
}
