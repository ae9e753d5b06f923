import SuretyJSON

/// The handler of every implemented endpoint, by endpoint id, gathered from the per-concern tables.
public enum EmulatorHandlers {
    /// Every handler; two tables handling one endpoint id stop the program (``EmulatorHandlerTable``).
    public static var all: [String: EmulatorHandler] {
        EmulatorHandlerTable(merging: parts).checked()
    }

    /// The per-concern tables: the policy side's, the jobs' and billing's.
    static var parts: [[String: EmulatorHandler]] {
        [fetching, creation, lifecycle, changes, underwriting, documents, terms] + jobParts + [billing]
    }

    /// A transaction of the store, and whether it is in draft (409 otherwise) for the update endpoints.
    static func draft(_ locator: String, in store: TenantStore, operation: String) throws(EmulatorError) -> PolicyTransaction {
        let transaction = try store.transaction(locator)
        guard transaction.state == .draft else {
            throw .notAllowed(operation: operation, state: transaction.state, locator: locator)
        }
        return transaction
    }

    /// The transaction response with its change instructions (the newer API's `changeInstructions`).
    static func withInstructions(_ transaction: PolicyTransaction, in store: TenantStore) -> JSONValue {
        store.render(transaction: transaction).setting(.array(transaction.changeInstructions.map(\.jsonValue)),
                                                       at: JSONPointer(tokens: ["changeInstructions"]))
    }
}
