import Testing
@testable import SuretyCommands

/// A default `surety check` against the emulator observes every enum value and optional property but those
/// docs/emulator.md names as unreachable or not yet produced ("Coverage: what `surety check` observes").
@Suite("surety check coverage against the emulator")
struct EmulatorCoverageTests {
    /// The enum values docs/emulator.md lists as never observed, by `Schema.property`.
    static let unobservedValues: [String: [String]] = [
        "AffectedTransaction.action": ["reapplied"],
        "DocumentInstanceResponse.referenceType": ["quote", "invoice"],
        "DocumentSummary.referenceType": ["quote", "invoice", "transaction"],
        "DocumentsJob.referenceType": ["invoice"],
        "PolicyTransactionResponse.transactionState": ["earlyUnderwritten"],
        "TransactionPriceResponse.transactionState": ["earlyUnderwritten"],
        "TransactionUnderwritingResponse.transactionState": ["draft", "validated", "earlyUnderwritten", "priced", "accepted", "issued",
                                                             "refused", "discarded", "invalidated", "reversed"],
        "TransactionUnderwritingResponse.transactionCategory": ["issuance", "aggregate"],
        "UnderwritingFlagResponse.referenceType": ["quote"],
    ]

    /// The optional properties docs/emulator.md lists as never observed, by schema.
    static let unobservedProperties: [String: [String]] = [
        "ChargeMetadata": ["policyLocator", "transactionLocator"],
        "ChargeQueueItem": ["invoiceItemLocator"],
        "Installment": ["invoiceLocator", "migratedFromInstallmentLocator", "enhancedByPlugin"],
        "InstallmentItem": ["invoiceItemLocator"],
        "InstallmentsPreview": ["policyLocator", "transactionLocator", "quoteLocator"],
        "TermResponse": ["autoRenewalLocator"],
    ]

    @Test("the built-in scenarios leave unobserved exactly the enum values and optional properties the docs list")
    func neverObservedIsWhatTheDocsList() async throws {
        let report = try await EmulatorCheckTests.run(EmulatorCheckTests.inProcessBackend())
        let values = Dictionary(uniqueKeysWithValues: report.coverage.enums.filter { !$0.neverObserved.isEmpty }.map { ($0.key, $0.neverObserved) })
        #expect(values == Self.unobservedValues)
        let properties = Dictionary(uniqueKeysWithValues: report.coverage.schemas.filter { !$0.neverObserved.isEmpty }.map { ($0.name, $0.neverObserved) })
        #expect(properties == Self.unobservedProperties)
        #expect(report.coverage.neverObservedValueCount == 22)
        #expect(report.coverage.neverObservedPropertyCount == 11)
    }
}
