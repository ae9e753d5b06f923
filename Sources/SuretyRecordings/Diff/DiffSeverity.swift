/// How much a difference between two recordings matters to a client: breaking, possibly breaking or compatible.
public enum DiffSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A client written against the old traffic will fail.
    case breaking
    /// A client may fail, depending on what it relies on.
    case possiblyBreaking = "possibly-breaking"
    /// A client keeps working; reported so that a reviewer sees it.
    case compatible

    /// The words used in text and Markdown output.
    public var label: String {
        switch self {
        case .breaking: return "breaking"
        case .possiblyBreaking: return "possibly breaking"
        case .compatible: return "compatible"
        }
    }

    /// Most severe first.
    public static func < (lhs: DiffSeverity, rhs: DiffSeverity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .breaking: return 0
        case .possiblyBreaking: return 1
        case .compatible: return 2
        }
    }
}

/// Which severities make `surety diff` fail (`--fail-on breaking|possibly|any`).
public enum DiffFailureThreshold: String, Sendable, Hashable, CaseIterable {
    /// Only breaking differences fail (the default).
    case breaking
    /// Breaking and possibly breaking differences fail.
    case possibly
    /// Every difference fails.
    case any

    /// Whether a difference of `severity` fails under this threshold.
    public func fails(_ severity: DiffSeverity) -> Bool {
        switch self {
        case .breaking: return severity == .breaking
        case .possibly: return severity != .compatible
        case .any: return true
        }
    }
}
