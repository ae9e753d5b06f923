/// The kinds of job the Jobs document serves, each with the schema it is answered in and the members that schema
/// gives the job's locator, state and times.
public enum JobKind: String, Sendable, Hashable, CaseIterable {
    case documents, installments, invoicing, invoiceGeneration, invoiceLifecycle, grace, delinquencyCreate, delinquencyEvent
    case anonymization, deserialization

    /// Whether a response member is absent, optional (written when known) or required (always written).
    public enum Presence: Sendable, Hashable {
        case none, optional, required
    }

    /// The family whose states and rules the kind follows.
    public var family: JobFamily {
        switch self {
        case .documents: return .documents
        case .anonymization: return .anonymization
        case .deserialization: return .deserialization
        default: return .billing
        }
    }

    /// The contract schema a job of this kind is answered in.
    public var schemaName: String {
        switch self {
        case .documents: return "DocumentsJob"
        case .installments: return "InstallmentJobData"
        case .invoicing: return "InvoicingJobData"
        case .invoiceGeneration: return "InvoiceGenerationJob"
        case .invoiceLifecycle: return "WorkflowContextInvoiceLifecycleJobData"
        case .grace: return "GraceJobData"
        case .delinquencyCreate: return "DelinquencyCreateJobData"
        case .delinquencyEvent: return "DelinquencyEventJobData"
        case .anonymization: return "AnonymizationJobResponse"
        case .deserialization: return "DeserializationJob"
        }
    }

    /// Where, in a job's data, the locator it is listed under sits (the transaction, account, delinquency, …).
    public var referencePath: [String]? {
        switch self {
        case .documents, .installments: return ["referenceLocator"]
        case .invoicing, .invoiceGeneration: return ["accountLocator"]
        case .invoiceLifecycle: return ["contextData", "invoiceLocator"]
        case .grace, .delinquencyEvent: return ["delinquencyLocator"]
        case .delinquencyCreate: return ["invoiceLocator"]
        case .anonymization, .deserialization: return nil
        }
    }

    /// Data members the emulator keeps but the schema does not have: the account of an invoice-generation job,
    /// the policy of an installment job (for `retryFailedTransactions`).
    public var hiddenMembers: Set<String> {
        switch self {
        case .invoiceGeneration: return ["accountLocator"]
        case .installments: return ["policyLocator"]
        default: return []
        }
    }

    /// The member holding the job's locator.
    public var locatorKey: String {
        switch self {
        case .anonymization: return "jobLocator"
        case .invoiceLifecycle: return "workflowJobLocator"
        default: return "locator"
        }
    }

    /// The member holding the job's state; nil when the schema has none (invoice lifecycle).
    public var stateKey: String? {
        switch self {
        case .documents: return "status"
        case .deserialization: return "jobState"
        case .invoiceLifecycle: return nil
        default: return "jobStatus"
        }
    }

    /// `createdAt`.
    public var createdAt: Presence { self == .anonymization ? .none : .required }

    /// `updatedAt`.
    public var updatedAt: Presence {
        [.grace, .delinquencyCreate, .delinquencyEvent, .anonymization, .deserialization].contains(self) ? .required : .none
    }

    /// `completedAt`.
    public var completedAt: Presence {
        switch self {
        case .documents, .installments, .invoiceGeneration: return .required
        case .invoicing, .invoiceLifecycle: return .optional
        default: return .none
        }
    }

    /// `processingErrors`.
    public var processingErrors: Presence {
        switch self {
        case .documents, .installments, .invoiceGeneration: return .required
        case .invoiceLifecycle: return .none
        default: return .optional
        }
    }

    /// `createdBy`.
    public var createdBy: Presence {
        switch self {
        case .documents, .invoiceGeneration, .deserialization: return .required
        case .anonymization: return .optional
        default: return .none
        }
    }

    /// Whether the schema has `retryCount`.
    public var hasRetryCount: Bool { self == .deserialization }
}
