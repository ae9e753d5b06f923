import SuretySchemas
/// A document instance created when a transaction reaches a state its product configures.
public struct DocumentInstance: Sendable, Hashable {
    /// What a document is about.
    public enum ReferenceType: String, Sendable, Hashable, CaseIterable {
        case quote, policy, invoice, transaction, segment, term
    }

    /// A document's rendering state.
    public enum State: String, Sendable, Hashable, CaseIterable {
        case draft, dataReady, ready, dataError, renderError, conversionError
    }

    /// The document's locator.
    public var locator: String
    /// The transaction, segment, policy or term it is about (its scope).
    public var referenceLocator: String
    /// What it is about.
    public var referenceType: ReferenceType
    /// Its state.
    public var state: State
    /// Its static name.
    public var staticName: String
    /// Its display name.
    public var name: String
    /// Its format.
    public var format: String
    /// The policy.
    public var policyLocator: String
    /// The term.
    public var termLocator: String
    /// The transaction.
    public var transactionLocator: String
    /// The segment, when it is about one or the transaction had one.
    public var segmentLocator: String?
    /// When it was created.
    public var createdAt: Timestamp
    /// Who caused it.
    public var createdBy: String
    /// The state that triggered it.
    public var trigger: TransactionState
    /// The documents job rendering it, once one was recorded; its state then follows the job's.
    public var jobLocator: String?
    /// Whether it is rendered from a data snapshot (it passes `dataReady`) rather than copied (static).
    public var isDynamic = false
    /// The product's category for it, when the product gives one.
    public var category: String?
    /// The document of the same static name it replaces on the policy or term, when there was one.
    public var referenceDocumentLocator: String?
}
