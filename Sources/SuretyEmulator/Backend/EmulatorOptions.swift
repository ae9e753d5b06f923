import Foundation

/// The emulator's switches, each a choice where `semantics.md` marks the platform's behaviour inferred or unknown.
public struct EmulatorOptions: Sendable, Hashable {
    /// Skip authentication and permissions (`--no-auth`); requests act as ``anonymousUser`` in any tenant.
    public var noAuth: Bool
    /// The user written as `createdBy` when ``noAuth`` is on.
    public var anonymousUser: String
    /// The ordinal of a policy's first term: 1 by default (`semantics.md` §3: 0 or 1 is unknown).
    public var firstTermNumber: Int
    /// List `count` when the request gives none ([U] §4.2; the docs' own example pages with 100).
    public var defaultListCount: Int
    /// The largest `count` honoured; larger requests are clamped ([U] §4.2).
    public var maxListCount: Int
    /// Issuing with `autoRebase` absent rebases the policy's other open transactions (`true`, [S OAS] default); with
    /// `autoRebase=false` they are invalidated instead. What rebasing produces is unknown [U]: the emulator moves
    /// the base to the newly issued transaction and, past draft, back to `initialized` with a regenerated segment.
    public var autoRebaseByDefault: Bool
    /// The `termNumber` given to every new term, with `{policy}` and `{number}` replaced; nil gives none. The
    /// platform builds it from a plan's numbering template [D NUM], which the fixtures do not carry [I].
    public var termNumberFormat: String?

    /// Creates options; every default is documented on its property.
    public init(noAuth: Bool = false, anonymousUser: String = "00000000-0000-4000-8000-000000000000", firstTermNumber: Int = 1,
                defaultListCount: Int = 100, maxListCount: Int = 1000, autoRebaseByDefault: Bool = true,
                termNumberFormat: String? = "{policy}-{number}") {
        self.noAuth = noAuth
        self.anonymousUser = anonymousUser
        self.firstTermNumber = firstTermNumber
        self.defaultListCount = defaultListCount
        self.maxListCount = maxListCount
        self.autoRebaseByDefault = autoRebaseByDefault
        self.termNumberFormat = termNumberFormat
    }

    /// The term number of a policy's term, per ``termNumberFormat``.
    public func termNumber(policy: String, number: Int) -> String? {
        termNumberFormat?.replacingOccurrences(of: "{policy}", with: policy).replacingOccurrences(of: "{number}", with: String(number))
    }
}
