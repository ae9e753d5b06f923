/// A compiled `oneOf`: its branches, their labels for reports, and what selects a branch.
final class CompiledOneOf: Sendable {
    let branches: [CompiledType]
    let labels: [String]
    let selector: BranchSelector

    init(branches: [CompiledType], labels: [String], selector: BranchSelector) {
        self.branches = branches
        self.labels = labels
        self.selector = selector
    }
}
