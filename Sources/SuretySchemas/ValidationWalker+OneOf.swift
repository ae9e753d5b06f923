import SuretyJSON

extension ValidationWalker {
    /// Checks a `oneOf`: exactly one branch must match. When none does, the branch the document selects (by the
    /// discriminator, then by the required members only one branch has) is reported with its issues; when nothing
    /// selects a branch, the one with the fewest issues is, and a tie names every tied branch.
    mutating func checkOneOf(_ node: Int, _ oneOf: CompiledOneOf, site: RuleSite) {
        let selection = nodes[node].kind == .object ? select(node, oneOf.selector) : nil
        // Every branch requires the discriminator with a value of its own, so only the pinned branch can match.
        let candidates: Range<Int>
        if case .pinned(_, _, let branch)? = selection { candidates = branch..<branch + 1 } else { candidates = oneOf.branches.indices }
        var matching: [Int] = []
        var warnings: [ValidationIssue] = []
        var failures: [(branch: Int, errors: [ValidationIssue])] = []
        for position in candidates {
            let mark = issues.count
            check(node, oneOf.branches[position], site: site)
            let found = issues[mark...]
            let errors = found.filter { $0.severity == .error }
            if errors.isEmpty {
                matching.append(position)
                warnings = Array(found)
            } else {
                failures.append((position, errors))
            }
            issues.removeSubrange(mark...)
        }
        let expected = "exactly one of " + oneOf.labels.joined(separator: ", ")
        switch matching.count {
        case 1:
            issues.append(contentsOf: warnings)
        case 0:
            let (actual, chosen) = Self.describeFailure(failures, selection: selection, labels: oneOf.labels)
            report(.oneOf, at: node, expected: expected, actual: actual, site: site,
                   details: Array(chosen.prefix(ValidationIssue.maxNestedIssues)), bounded: false)
        default:
            report(.oneOf, at: node, expected: expected, actual: "matched " + matching.map { oneOf.labels[$0] }.joined(separator: " and "), site: site)
        }
    }

    /// The words for a `oneOf` no branch matches, and the nested issues to report with them.
    static func describeFailure(_ failures: [(branch: Int, errors: [ValidationIssue])], selection: BranchSelection?,
                                labels: [String]) -> (String, [ValidationIssue]) {
        if let selection, let selected = failures.first(where: { $0.branch == selection.branch }) {
            let reason: String
            switch selection {
            case .pinned(let member, let value, _):
                reason = "\(member) \"\(ValidationIssue.bounded(value, limit: 40))\" selects"
            case .members(let names, _):
                reason = (names.count == 1 ? "member " : "members ") + names.joined(separator: ", ") + (names.count == 1 ? " selects" : " select")
            }
            return ("no branch matched; \(reason) \(labels[selected.branch]) with \(selected.errors.count) issue(s)", selected.errors)
        }
        let fewest = failures.map(\.errors.count).min() ?? 0
        let closest = failures.filter { $0.errors.count == fewest }
        let names = closest.map { labels[$0.branch] }.joined(separator: ", ")
        let words = closest.count == 1 ? "closest: \(names) with \(fewest) issue(s)" : "tied closest: \(names) with \(fewest) issue(s) each"
        return ("no branch matched; " + words, closest.flatMap(\.errors))
    }

    /// The branch an object node selects by the rule of `selector`.
    func select(_ node: Int, _ selector: BranchSelector) -> BranchSelection? {
        selector.select(
            value: { name in member(node, named: name).flatMap { nodes[$0].kind == .string ? JSONStrings.decode(nodes[$0], in: bytes) : nil } },
            has: { name in member(node, named: name) != nil })
    }

    /// The value node of the object node's first member with this name.
    func member(_ node: Int, named name: String) -> Int? {
        var child = node + 1
        for _ in 0..<Int(nodes[node].count) {
            if withString(child, { $0.elementsEqual(name.utf8) }) { return child + 1 }
            child = Int(nodes[child + 1].next)
        }
        return nil
    }
}
