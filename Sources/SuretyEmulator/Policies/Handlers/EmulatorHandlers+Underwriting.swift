import SuretyJSON

extension EmulatorHandlers {
    /// Underwriting flags. The update body is unspecified in the documents; the emulator takes the platform's
    /// `{"addFlags": [{"level", "note", "elementLocator"?}], "clearFlags": ["<flag locator>"]}` [S OAS]. Flags can be
    /// changed while the transaction is open (draft to declined); otherwise 409.
    static var underwriting: [String: EmulatorHandler] {
        [
            "fetchUnderwritingFlagsForTransaction": { store, _, call throws(EmulatorError) in
                EmulatorReply(store.render(flagsOf: try store.transaction(call.path("locator"))))
            },
            "updateUnderwritingFlagsForPolicyTransaction": { store, context, call throws(EmulatorError) in
                var transaction = try store.transaction(call.path("locator"))
                guard TransitionTable.open.contains(transaction.state) else {
                    throw .notAllowed(operation: "change underwriting flags of", state: transaction.state, locator: transaction.locator)
                }
                let body = try call.requireBody()
                for (index, item) in (body["addFlags"]?.arrayValue ?? []).enumerated() {
                    let at = JSONPointer(tokens: ["addFlags", String(index)])
                    guard let level = item["level"]?.stringValue.flatMap(UnderwritingFlag.Level.init(rawValue:)) else {
                        throw .invalidBody(pointer: at.appending("level"), reason: "expected one of info, block, decline, reject, approve")
                    }
                    transaction.underwritingFlags.append(UnderwritingFlag(
                        locator: context.makeLocator(), referenceLocator: transaction.locator, level: level,
                        note: item["note"]?.stringValue ?? "", elementLocator: item["elementLocator"]?.stringValue,
                        createdBy: context.user, createdTime: context.now))
                }
                for (index, item) in (body["clearFlags"]?.arrayValue ?? []).enumerated() {
                    guard let locator = item.stringValue,
                          let position = transaction.underwritingFlags.firstIndex(where: { $0.locator == locator }) else {
                        throw .invalidBody(pointer: JSONPointer(tokens: ["clearFlags", String(index)]), reason: "expected the locator of a flag of this transaction")
                    }
                    if transaction.underwritingFlags[position].isActive {
                        transaction.underwritingFlags[position].clearedBy = context.user
                        transaction.underwritingFlags[position].clearedTime = context.now
                    }
                }
                store.transactions[transaction.locator] = transaction
                return EmulatorReply(store.render(flagsOf: transaction))
            },
        ]
    }

    /// The document listings: the documents about a transaction or a segment, oldest first; 404 for an unknown
    /// transaction or segment (the contract leaves unknown references unspecified [I]). A transaction's list also
    /// holds the policy- and term-scope documents it created (their `transactionLocator`), which no listing of the
    /// 77 endpoints reads by policy or term [I].
    static var documents: [String: EmulatorHandler] {
        [
            "fetchDocumentsForTransaction": { store, context, call throws(EmulatorError) in
                let transaction = try store.transaction(call.path("locator"))
                return EmulatorReply(call.list(listDocuments(in: store, type: .transaction, reference: transaction.locator), options: context.options))
            },
            "fetchDocumentsForSegment": { store, context, call throws(EmulatorError) in
                let segment = try store.segment(call.path("locator"))
                return EmulatorReply(call.list(listDocuments(in: store, type: .segment, reference: segment.locator), options: context.options))
            },
        ]
    }

    static func listDocuments(in store: TenantStore, type: DocumentInstance.ReferenceType, reference: String) -> [JSONValue] {
        guard type == .transaction else { return store.documents(about: reference, type: type).map { store.render(document: $0) } }
        // A transaction's own documents, and the policy- and term-scope ones it made (listed through it).
        return store.documents.made(by: reference).filter { document in
            (document.referenceType == .transaction && document.referenceLocator == reference) || [.policy, .term].contains(document.referenceType)
        }.sorted { $0.locator < $1.locator }.map { store.render(document: $0) }
    }
}
