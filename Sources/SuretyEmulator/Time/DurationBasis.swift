/// The unit a policy's segment, term-summary and frame durations are written in (`semantics.md` §2.5).
public enum DurationBasis: String, Sendable, Hashable, CaseIterable {
    case years, months, weeks, days, hours
}
